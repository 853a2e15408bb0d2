import { afterEach, describe, expect, it } from '@jest/globals';
import { JiraClient } from '../src/jira-sync/jira-client.js';
import { JiraReader } from '../src/jira-sync/jira-reader.js';
import { FakeJira } from './support/fake-jira/fake-jira.js';

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

  const readerOf = async (flavour: 'cloud' | 'data-center') => {
    const jira = await FakeJira.start({
      flavour,
      token: TOKEN,
      ...(flavour === 'cloud' ? { email: EMAIL } : {}),
    });
    fakes.push(jira);
    jira.generate({ count: 12_000, historiesPerIssue: 1 });
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
});
