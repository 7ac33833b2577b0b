/**
 * Why an app package could not be built. Every code names one stage of the build; `problems` lists everything
 * wrong at that stage (every unfilled variable, every schema violation), so one run shows all of it.
 */
export type PackageErrorCode =
  | 'ARGS_INVALID'
  | 'ENV_FILE_MISSING'
  | 'FILE_MISSING'
  | 'JSON_INVALID'
  | 'VARIABLE_UNFILLED'
  | 'SCHEMA_UNAVAILABLE'
  | 'SCHEMA_INVALID'
  | 'LOCALIZATION_INVALID'
  | 'ICON_INVALID'
  | 'MANIFEST_RULE'
  | 'SIZE_EXCEEDED';

export class PackageError extends Error {
  readonly code: PackageErrorCode;
  readonly problems: readonly string[];

  constructor(code: PackageErrorCode, message: string, problems: readonly string[] = []) {
    super(problems.length === 0 ? message : `${message}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
    this.code = code;
    this.problems = problems;
  }
}

export function isPackageError(err: unknown, code?: PackageErrorCode): err is PackageError {
  return err instanceof PackageError && (code === undefined || err.code === code);
}
