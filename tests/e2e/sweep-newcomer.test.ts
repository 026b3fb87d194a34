// The screen sweep for newcomer pages (tests/support/sweep.ts, decision 154).
import { defineSweep } from "../support/sweep";

defineSweep("newcomer");
