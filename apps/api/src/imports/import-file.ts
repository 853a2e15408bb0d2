import {
  type ImportFormat,
  type ImportProblem,
  PROBLEMS_MAX_LISTED,
  type SprintState,
} from '@bearing/contracts';

/**
 * What a reader makes of an export, before anything is compared or written: the same shape
 * for Jira JSON and Jira CSV. Instants are ISO-8601 UTC strings.
 */
export type ImportFile = {
  format: ImportFormat;
  items: ImportedItem[];
  /** Sprints by reference (`id:<jira id>` or `name:<name>`), as the items refer to them. */
  sprints: Map<string, ImportedSprint>;
  /** Things left out or guessed; none of them stops the import. */
  problems: ImportProblem[];
  storyPointsField: string | null;
  sprintField: string | null;
  /** Whether the file carries change history (JSON with changelog) or only current state (CSV). */
  hasHistory: boolean;
  /** The Jira site the issues' `self` links name (JSON); a CSV export names none. */
  jiraSite?: string | null;
};

export type ImportedSprint = {
  /** Jira's sprint id; null when only the name is known (CSV). */
  externalId: string | null;
  name: string;
  start: string | null;
  end: string | null;
  completedAt: string | null;
  goal: string;
  state: SprintState;
  /** False when the sprint was only named (a CSV column, a changelog entry): keep stored details. */
  detailsKnown: boolean;
};

export type ImportedItem = {
  key: string;
  type: string;
  title: string;
  points: number | null;
  initialPoints: number | null;
  createdAt: string;
  status: string;
  /** Null when the history is unknown (CSV). */
  initialStatus: string | null;
  resolvedAt: string | null;
  parentKey: string | null;
  hasHistory: boolean;
  /**
   * Set when Jira returned only part of the item's changelog (`shown` of `total` entries): the
   * history is incomplete, so it never replaces a stored one (see `planImport`).
   */
  truncatedHistory?: { shown: number; total: number };
  statusChanges: { at: string; from: string | null; to: string }[];
  sprintChanges: { at: string; sprint: string; change: 'added' | 'removed' }[];
  estimateChanges: { at: string; points: number | null }[];
  /** References (keys of `ImportFile.sprints`) of every sprint the item was ever in. */
  sprints: string[];
  /** CSV line of the record, for problems found later. */
  line?: number;
};

/**
 * The warning for an item whose changelog Jira cut: the reader words it for an item imported
 * with what is there; the plan rewords it when the team's stored history is kept instead.
 */
export function truncatedHistoryWarning(
  { shown, total }: { shown: number; total: number },
  storedHistoryKept: boolean,
): string {
  const cut = `Jira returned ${shown} of ${total} changelog entries`;
  return storedHistoryKept
    ? `${cut}: the history the team already has for it is kept (only its fields are updated)`
    : `${cut}: the history may be incomplete`;
}

/** `id:<jira sprint id>` — the reference of a sprint known by id. */
export const sprintIdRef = (id: string) => `id:${id}`;
/** `name:<name>` — the reference of a sprint known only by name. */
export const sprintNameRef = (name: string) => `name:${name}`;

/**
 * Where the file cannot be read at all, or holds data that would make its numbers wrong (an
 * unparseable date, an issue without a key), or holds more issues than one import may. Nothing
 * of such a file is stored: the caller answers 400 listing every `problems` entry (413 for
 * `too-many-issues`). `truncated`: reading stopped at the problem after the last one listed.
 */
export class ImportFileError extends Error {
  readonly reason: 'unreadable' | 'too-many-issues';
  readonly truncated: boolean;

  constructor(
    readonly problems: ImportProblem[],
    {
      reason = 'unreadable',
      truncated = false,
    }: { reason?: ImportFileError['reason']; truncated?: boolean } = {},
  ) {
    super(describeProblem(problems[0] ?? { message: 'the file cannot be read' }));
    this.reason = reason;
    this.truncated = truncated;
  }
}

/** `PAY-12: …`, `line 7 (PAY-12): …` or the bare message. */
export function describeProblem(problem: ImportProblem): string {
  const where =
    problem.line !== undefined
      ? `line ${problem.line}${problem.key ? ` (${problem.key})` : ''}`
      : problem.key;
  return where ? `${where}: ${problem.message}` : problem.message;
}

/**
 * Ends reading at issue `maxIssues + 1` of the file (`position` counts from 1): a file that
 * large is refused before it is read to the end. The readers take `maxIssues` (default
 * `IMPORT_MAX_ISSUES`, what the importer always uses) so their tests can use a small cap.
 */
export function checkIssueCount(position: number, maxIssues: number): void {
  if (position <= maxIssues) return;
  throw new ImportFileError(
    [
      {
        message: `the file holds more than ${maxIssues.toLocaleString('en-US')} issues, the most one import may hold: export and import the history in parts`,
      },
    ],
    { reason: 'too-many-issues' },
  );
}

/**
 * Collects problems: `errors` stop the import, `warnings` are reported with the result. At most
 * `PROBLEMS_MAX_LISTED` of each are listed: the next error ends reading (a file of garbage
 * would otherwise be read to its end only to list millions), further warnings are counted.
 */
export class ProblemLog {
  readonly errors: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];
  private omittedWarnings = 0;

  error(problem: ImportProblem): void {
    if (this.errors.length >= PROBLEMS_MAX_LISTED) {
      throw new ImportFileError([...this.errors], { truncated: true });
    }
    this.errors.push(problem);
  }

  warn(problem: ImportProblem): void {
    if (this.warnings.length < PROBLEMS_MAX_LISTED) this.warnings.push(problem);
    else this.omittedWarnings++;
  }

  /** Throws `ImportFileError` listing every error, if there was one. */
  throwIfErrors(): void {
    if (this.errors.length > 0) throw new ImportFileError([...this.errors]);
  }

  warningsWithTail(): ImportProblem[] {
    return this.omittedWarnings > 0
      ? [...this.warnings, { message: `…and ${this.omittedWarnings} more warnings` }]
      : [...this.warnings];
  }
}
