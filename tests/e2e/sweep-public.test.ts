// The screen sweep for public pages (tests/support/sweep.ts, decision 154).
import { defineSweep } from "../support/sweep";

defineSweep("public");
