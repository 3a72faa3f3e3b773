// The baseline: what the compiler options and the default libraries cost before any consumer code.
export {};
