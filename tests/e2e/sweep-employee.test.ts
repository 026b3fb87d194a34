// The screen sweep for employee pages (tests/support/sweep.ts, decision 154).
import { defineSweep } from "../support/sweep";

defineSweep("employee");
