// Buddy matching: newcomer records, buddy profiles, runs, proposals, matches, check-ins.
export {};
