// The screen sweep for hr pages (tests/support/sweep.ts, decision 154).
import { defineSweep } from "../support/sweep";

defineSweep("hr");
