// The screen sweep for admin pages (tests/support/sweep.ts, decision 154).
import { defineSweep } from "../support/sweep";

defineSweep("admin");
