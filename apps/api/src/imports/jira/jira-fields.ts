import type { RawChange, RawIssue } from './raw-issue.js';

/** Jira's usual names of the story-points field (company-managed, team-managed projects). */
export const STORY_POINTS_NAMES = ['Story Points', 'Story point estimate'];
const SPRINT_NAME = 'Sprint';
const CUSTOM_FIELD_ID = /^customfield_\d+$/;

/** A field known by id (to read its current value) and/or by name (to match changelog items). */
export type ResolvedField = { id: string | null; names: string[] };

/** Everything the pages tell about field ids: `names` maps and changelog items with a `fieldId`. */
export class FieldDirectory {
  private readonly nameOfId = new Map<string, string>();
  private readonly idsOfName = new Map<string, Set<string>>();
  private readonly changedFields = new Set<string>();

  /** A page's `names` (present with `expand=names`). */
  addNames(names: unknown): void {
    if (typeof names !== 'object' || names === null || Array.isArray(names)) return;
    for (const [id, name] of Object.entries(names)) {
      if (typeof name === 'string') this.link(id, name);
    }
  }

  /** Cloud changelog items carry both the field's name and its id; Server's only the name. */
  addChange(change: RawChange): void {
    this.changedFields.add(change.field);
    if (change.fieldId !== null && CUSTOM_FIELD_ID.test(change.fieldId)) {
      this.link(change.fieldId, change.field);
    }
  }

  /** Whether any changelog item names `field`. */
  private mentions(field: string): boolean {
    return this.changedFields.has(field);
  }

  private link(id: string, name: string): void {
    if (!this.nameOfId.has(id)) this.nameOfId.set(id, name);
    const ids = this.idsOfName.get(name) ?? new Set<string>();
    ids.add(id);
    this.idsOfName.set(name, ids);
  }

  /**
   * The story-points field: as mapped (an id like `customfield_10016` or a name), else the
   * first of Jira's usual names that the file mentions.
   */
  storyPoints(mapped: string | undefined): ResolvedField | null {
    if (mapped !== undefined) return this.resolve(mapped);
    for (const name of STORY_POINTS_NAMES) {
      const field = this.resolve(name);
      if (field.id !== null || this.mentions(name)) return field;
    }
    return null;
  }

  /**
   * The sprint field: as mapped, else the field named Sprint, else the one custom field whose
   * values read as sprints (an export without `names` and without sprint changes).
   */
  sprint(mapped: string | undefined, issues: readonly RawIssue[]): ResolvedField | null {
    if (mapped !== undefined) return this.resolve(mapped);
    const named = this.resolve(SPRINT_NAME);
    if (named.id !== null) return named;
    const counts = new Map<string, number>();
    for (const issue of issues) {
      for (const id of issue.sprintValues.keys()) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const [mostUsed] = [...counts.entries()].sort((first, second) => second[1] - first[1]);
    if (mostUsed) return { id: mostUsed[0], names: [SPRINT_NAME] };
    return this.mentions(SPRINT_NAME) ? named : null;
  }

  private resolve(idOrName: string): ResolvedField {
    if (CUSTOM_FIELD_ID.test(idOrName)) {
      const name = this.nameOfId.get(idOrName);
      return { id: idOrName, names: name === undefined ? [] : [name] };
    }
    const ids = this.idsOfName.get(idOrName);
    return { id: ids && ids.size > 0 ? ([...ids][0] as string) : null, names: [idOrName] };
  }
}

/** Whether a changelog item is a change of `field`. */
export function isChangeOf(change: RawChange, field: ResolvedField | null): boolean {
  if (field === null) return false;
  if (field.id !== null && change.fieldId !== null) return change.fieldId === field.id;
  return field.names.includes(change.field);
}

/** How the result names the field used. */
export function describeField(field: ResolvedField | null): string | null {
  if (field === null) return null;
  return field.id ?? field.names[0] ?? null;
}
