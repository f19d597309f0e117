/**
 * WES350: the server's throughput could not be measured within the calibration's bound: on a
 * server that busy a prediction would say little, so none is made.
 */
export class CalibrationTimeoutError extends Error {
  readonly code = 'WES350';
  readonly help = 'run the command again when the server is less busy: once measured, its calibration is cached for a week';

  constructor(budgetMs: number, rows: number) {
    super(`measuring the server's throughput on a sample of ${rows} rows took longer than ${budgetMs} ms`);
    this.name = 'CalibrationTimeoutError';
  }
}
