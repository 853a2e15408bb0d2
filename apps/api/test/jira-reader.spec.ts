import { afterEach, describe, expect, it } from '@jest/globals';
import { JiraBatchReader, jiraFileOfIssues } from '../src/imports/jira-pages.service.js';
import { JiraClient } from '../src/jira-sync/jira-client.js';
import { JiraReader, type SearchPage } from '../src/jira-sync/jira-reader.js';
import {
  BOARD_ID,
  FakeJira,
  SPRINT_FIELD,
  STORY_POINTS_FIELD,
} from './support/fake-jira/fake-jira.js';

const TOKEN = 'reader-token';
const EMAIL = 'reader@example.com';

/**
 * The reader against the fake Jira on loopback (both REST shapes, Jira's own page limits: Cloud's
 * `search/jql` answers at most 5,000 issues a page, Data Center's `search` at most 1,000).
 */
describe('JiraReader', () => {
  const fakes: FakeJira[] = [];
  afterEach(async () => {
    for (const jira of fakes.splice(0)) await jira.close();
  });

  const readerOf = async (flavour: 'cloud' | 'data-center', count = 12_000) => {
    const jira = await FakeJira.start({
      flavour,
      token: TOKEN,
      ...(flavour === 'cloud' ? { email: EMAIL } : {}),
    });
    fakes.push(jira);
    jira.generate({ count, historiesPerIssue: count > 1000 ? 1 : 8, sprintCount: 4 });
    const client = new JiraClient({
      baseUrl: jira.url,
      flavour,
      email: flavour === 'cloud' ? EMAIL : null,
      secret: TOKEN,
    });
    return { jira, reader: new JiraReader(client) };
  };

  it('lists keys on Cloud in pages as large as Jira gives: 12,000 keys in 3 requests', async () => {
    const { jira, reader } = await readerOf('cloud');
    const keys = await reader.listKeys('project = PAY');
    expect([...keys.keys()].sort()).toEqual([...jira.issues.keys()].sort());
    for (const updated of keys.values()) expect(updated).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(jira.count(/search\/jql/)).toBe(3);
  });

  it('lists keys on Data Center by the smaller pages Jira answers: 12,000 keys in 12 requests', async () => {
    const { jira, reader } = await readerOf('data-center');
    const keys = await reader.listKeys('project = PAY');
    expect([...keys.keys()].sort()).toEqual([...jira.issues.keys()].sort());
    expect(jira.count(/\/search/)).toBe(12);
  });

  it.each(['cloud', 'data-center'] as const)(
    'reads a batch page by page into exactly the file of all its issues at once (%s)',
    async (flavour) => {
      const { reader } = await readerOf(flavour, 450);
      const pages: SearchPage[] = [];
      for await (const page of reader.search('project = PAY', [])) pages.push(page);
      expect(pages.length).toBe(5);
      // Paging is not a snapshot: an issue may come twice, and its later copy is the one used.
      pages.push({ issues: (pages[0] as SearchPage).issues.slice(0, 3) });
      const names = pages[0]?.names;
      const boardSprints = await reader.boardSprints(BOARD_ID);
      const mapping = {
        dateFormat: '',
        storyPointsField: STORY_POINTS_FIELD,
        sprintField: SPRINT_FIELD,
      };

      const batch = new JiraBatchReader(names);
      for (const page of pages) batch.add(page.issues);
      const byPage = batch.file(mapping, boardSprints);
      const atOnce = jiraFileOfIssues(
        { issues: pages.flatMap((page) => page.issues), names, boardSprints },
        mapping,
      );
      expect(byPage.items).toHaveLength(450);
      expect(byPage.sprints.size).toBeGreaterThan(0);
      expect(byPage).toEqual(atOnce);
    },
  );
});
