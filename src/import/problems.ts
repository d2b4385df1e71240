// Problems found while importing, and the progress/cancellation options every
// long-running import step takes. Everything here is plain data so it crosses
// the worker boundary (structured clone) and can be stored or exported.

/** 'error' rejects the row (the record is not used); 'warning' keeps it. */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** Which input the problem is in, e.g. "service users", "provider bases", "units". */
  file: string;
  /** Spreadsheet row: header = 1, first data row = 2. For a feature file, the feature number (1-based). Null for the file as a whole. */
  row: number | null;
  /** Column header or property name the value came from; "" when not about one cell. */
  column: string;
  /** The offending value exactly as read (kept as data; never rendered as markup). */
  value: string;
  message: string;
  severity: Severity;
}

export interface ImportPhase {
  /** Short name of what is being done, e.g. "reading", "geocoding". */
  phase: string;
  /** 0..1 of this phase. */
  fraction: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportPhase) => void;
  signal?: AbortSignal;
}

/** Throws the signal's reason (an AbortError) if the import was cancelled. */
export function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('Import cancelled', 'AbortError');
}

/** Collects problems for one file so callers don't repeat the file name. */
export class ProblemList {
  readonly items: Problem[] = [];
  /** Errors so far: a row is rejected when this grew while reading it. */
  errorCount = 0;
  constructor(readonly file: string) {}

  add(row: number | null, column: string, value: string, message: string, severity: Severity): void {
    this.items.push({ file: this.file, row, column, value, message, severity });
    if (severity === 'error') this.errorCount++;
  }
  error(row: number | null, column: string, value: string, message: string): void {
    this.add(row, column, value, message, 'error');
  }
  warning(row: number | null, column: string, value: string, message: string): void {
    this.add(row, column, value, message, 'warning');
  }
}

/**
 * Lets queued events (a cancel message to the worker, an abort) run between
 * chunks of a long synchronous job. A macrotask: a resolved promise would not
 * let the event loop in.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
