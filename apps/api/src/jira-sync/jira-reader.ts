import type { JiraField } from '@bearing/contracts';
import { type JiraClient, JiraProblem, mapLimit } from './jira-client.js';

/** Issues per search page: Jira's page size for searches that expand the changelog. */
export const SEARCH_PAGE_SIZE = 100;
/**
 * Keys asked for per page of a key listing (only `updated`): Cloud's `search/jql` answers up to
 * 5,000 issues a page when few fields are asked, so listing 20,000 keys takes 4 requests one
 * after another instead of 20. Data Center answers at most its own limit (1,000 by default) and
 * says so in `maxResults`, by which its pages are then cut.
 */
export const LISTING_PAGE_SIZE = 5000;
/** Changelog and sprint requests in flight at once, within what Jira tolerates. */
export const PARALLEL_REQUESTS = 4;

export type SearchPage = { issues: RawSearchIssue[]; names?: Record<string, string> };

export type RawSearchIssue = {
  key?: unknown;
  fields?: Record<string, unknown>;
  changelog?: { histories?: unknown[]; total?: number; maxResults?: number };
  [other: string]: unknown;
};

type CloudSearchResponse = {
  issues?: RawSearchIssue[];
  nextPageToken?: string;
  isLast?: boolean;
  names?: Record<string, string>;
};
type DataCenterSearchResponse = {
  issues?: RawSearchIssue[];
  startAt?: number;
  maxResults?: number;
  total?: number;
  names?: Record<string, string>;
};
type ChangelogPage = {
  values?: unknown[];
  histories?: unknown[];
  startAt?: number;
  maxResults?: number;
  total?: number;
  isLast?: boolean;
};

/**
 * Jira's API as the sync reads it, in both REST shapes: Cloud's `search/jql` paged by
 * `nextPageToken` (pages in order), Data Center's `search` paged by `startAt` (the total is
 * known after the first page, so the other pages are fetched up to four at a time); changelogs
 * longer than what the search returns through `/issue/{key}/changelog`; sprints of a board
 * through the Agile API.
 */
export class JiraReader {
  constructor(private readonly client: JiraClient) {}

  private get api(): string {
    return `/rest/api/${this.client.apiVersion}`;
  }

  private get cloud(): boolean {
    return this.client.apiVersion === '3';
  }

  /** The token's account: its display name and the time zone Jira reads JQL dates in. */
  async myself(): Promise<{ displayName: string; timeZone: string }> {
    const me = await this.client.get<{ displayName?: unknown; timeZone?: unknown }>(
      `${this.api}/myself`,
    );
    return {
      displayName: typeof me.displayName === 'string' ? me.displayName : 'unknown account',
      timeZone: typeof me.timeZone === 'string' && isTimeZone(me.timeZone) ? me.timeZone : 'UTC',
    };
  }

  async serverVersion(): Promise<string | undefined> {
    const info = await this.client.get<{ version?: unknown; deploymentType?: unknown }>(
      `${this.api}/serverInfo`,
    );
    return typeof info.version === 'string' ? info.version : undefined;
  }

  /** Every field Jira lists, by name. */
  async fields(): Promise<JiraField[]> {
    const fields = await this.client.get<unknown[]>(`${this.api}/field`);
    if (!Array.isArray(fields)) {
      throw new JiraProblem('not-jira', 'the field list is not a JSON array: is this Jira?');
    }
    return fields
      .flatMap((field) => {
        const value = field as {
          id?: unknown;
          name?: unknown;
          custom?: unknown;
          schema?: { type?: unknown };
        };
        if (typeof value.id !== 'string' || typeof value.name !== 'string') return [];
        return [
          {
            id: value.id,
            name: value.name,
            custom: value.custom === true,
            type: typeof value.schema?.type === 'string' ? value.schema.type : null,
          },
        ];
      })
      .sort(
        (first, second) =>
          first.name.localeCompare(second.name) || first.id.localeCompare(second.id),
      );
  }

  /** The id of the sprint field: by its schema, else the custom field named Sprint. */
  async sprintFieldId(): Promise<string | undefined> {
    const fields = await this.client.get<unknown[]>(`${this.api}/field`);
    if (!Array.isArray(fields)) return undefined;
    type Field = { id?: unknown; name?: unknown; schema?: { custom?: unknown } };
    const list = fields as Field[];
    const bySchema = list.find(
      (field) => field.schema?.custom === 'com.pyxis.greenhopper.jira:gh-sprint',
    );
    const byName = list.find(
      (field) =>
        field.name === 'Sprint' &&
        typeof field.id === 'string' &&
        field.id.startsWith('customfield_'),
    );
    const id = (bySchema ?? byName)?.id;
    return typeof id === 'string' ? id : undefined;
  }

  /** The JQL of a board's filter (`filter = 10042`), for a source that names only a board. */
  async boardJql(boardId: number): Promise<string> {
    const configuration = await this.client.get<{ filter?: { id?: unknown } }>(
      `/rest/agile/1.0/board/${boardId}/configuration`,
    );
    const filterId = configuration.filter?.id;
    if (typeof filterId !== 'string' && typeof filterId !== 'number') {
      throw new JiraProblem('http', `board ${boardId} has no filter Jira would tell`);
    }
    return `filter = ${String(filterId)}`;
  }

  /** Every sprint of the board (Agile API), 50 a page. */
  async boardSprints(boardId: number): Promise<unknown[]> {
    const sprints: unknown[] = [];
    for (let startAt = 0; ;) {
      const page = await this.client.get<{ values?: unknown[]; isLast?: boolean }>(
        `/rest/agile/1.0/board/${boardId}/sprint`,
        { startAt, maxResults: 50 },
      );
      const values = Array.isArray(page.values) ? page.values : [];
      sprints.push(...values);
      if (page.isLast !== false || values.length === 0) return sprints;
      startAt += values.length;
    }
  }

  /**
   * The pages of a search with changelogs, in order. Cloud's pages follow one another by
   * token; the next one is requested while the caller applies the current one.
   */
  async *search(jql: string, fields: string[]): AsyncGenerator<SearchPage> {
    if (this.cloud) yield* this.searchCloud(jql, fields, ['changelog', 'names'], SEARCH_PAGE_SIZE);
    else yield* this.searchDataCenter(jql, fields, ['changelog', 'names'], SEARCH_PAGE_SIZE);
  }

  /** Every (key, updated) the JQL selects, in large pages without changelogs. */
  async listKeys(jql: string): Promise<Map<string, string>> {
    const keys = new Map<string, string>();
    const pages = this.cloud
      ? this.searchCloud(jql, ['updated'], [], LISTING_PAGE_SIZE)
      : this.searchDataCenter(jql, ['updated'], [], LISTING_PAGE_SIZE);
    for await (const page of pages) {
      for (const issue of page.issues) {
        const updated = issue.fields?.updated;
        if (typeof issue.key === 'string') {
          keys.set(issue.key, typeof updated === 'string' ? updated : '');
        }
      }
    }
    return keys;
  }

  private async *searchCloud(
    jql: string,
    fields: string[],
    expand: string[],
    pageSize: number,
  ): AsyncGenerator<SearchPage> {
    const fetchPage = (nextPageToken: string | undefined) =>
      this.client.post<CloudSearchResponse>(`${this.api}/search/jql`, {
        jql,
        maxResults: pageSize,
        fields,
        ...(expand.length > 0 ? { expand: expand.join(',') } : {}),
        ...(nextPageToken === undefined ? {} : { nextPageToken }),
      });
    let pending: Promise<CloudSearchResponse> | undefined = fetchPage(undefined);
    while (pending) {
      const page: CloudSearchResponse = await pending;
      const issues = Array.isArray(page.issues) ? page.issues : [];
      const token = page.isLast === true ? undefined : page.nextPageToken;
      pending = token === undefined || issues.length === 0 ? undefined : fetchPage(token);
      // Keep a prefetched page from failing unobserved while the caller works.
      pending?.catch(() => undefined);
      yield { issues, ...(page.names ? { names: page.names } : {}) };
    }
  }

  private async *searchDataCenter(
    jql: string,
    fields: string[],
    expand: string[],
    pageSize: number,
  ): AsyncGenerator<SearchPage> {
    const fetchPage = (startAt: number) =>
      this.client.post<DataCenterSearchResponse>(`${this.api}/search`, {
        jql,
        startAt,
        maxResults: pageSize,
        fields,
        ...(expand.length > 0 ? { expand } : {}),
      });
    const first = await fetchPage(0);
    const firstIssues = Array.isArray(first.issues) ? first.issues : [];
    yield { issues: firstIssues, ...(first.names ? { names: first.names } : {}) };
    const total = typeof first.total === 'number' ? first.total : firstIssues.length;
    // Jira may answer fewer per page than asked: continue by what it actually gave.
    const step = Math.max(1, first.maxResults ?? firstIssues.length);
    if (firstIssues.length === 0) return;
    const starts: number[] = [];
    for (let startAt = step; startAt < total; startAt += step) starts.push(startAt);
    // Up to four pages in flight, handed over in order.
    const inFlight: Promise<DataCenterSearchResponse>[] = [];
    let next = 0;
    const fill = () => {
      while (inFlight.length < PARALLEL_REQUESTS && next < starts.length) {
        const request = fetchPage(starts[next++] as number);
        request.catch(() => undefined);
        inFlight.push(request);
      }
    };
    fill();
    while (inFlight.length > 0) {
      const page = await (inFlight.shift() as Promise<DataCenterSearchResponse>);
      fill();
      const issues = Array.isArray(page.issues) ? page.issues : [];
      yield { issues, ...(page.names ? { names: page.names } : {}) };
    }
  }

  /**
   * Completes every changelog the search cut short (`total` above the histories given),
   * through `/issue/{key}/changelog`, at most four issues at a time.
   */
  async completeChangelogs(issues: RawSearchIssue[]): Promise<void> {
    const cut = issues.filter((issue) => {
      const changelog = issue.changelog;
      const shown = Array.isArray(changelog?.histories) ? changelog.histories.length : 0;
      return typeof changelog?.total === 'number' && changelog.total > shown;
    });
    await mapLimit(cut, PARALLEL_REQUESTS, async (issue) => {
      const histories = await this.fullChangelog(String(issue.key));
      issue.changelog = { histories, total: histories.length, maxResults: histories.length };
    });
  }

  private async fullChangelog(key: string): Promise<unknown[]> {
    const histories: unknown[] = [];
    for (let startAt = 0; ;) {
      const page = await this.client.get<ChangelogPage>(
        `${this.api}/issue/${encodeURIComponent(key)}/changelog`,
        { startAt, maxResults: 100 },
      );
      const values = Array.isArray(page.values)
        ? page.values
        : Array.isArray(page.histories)
          ? page.histories
          : [];
      histories.push(...values);
      const total = typeof page.total === 'number' ? page.total : undefined;
      if (
        values.length === 0 ||
        page.isLast === true ||
        (total !== undefined && histories.length >= total)
      ) {
        return histories;
      }
      startAt += values.length;
    }
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
