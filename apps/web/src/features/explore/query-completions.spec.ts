import { describe, expect, it } from '@jest/globals';
import type { QueryCatalog } from '@bearing/contracts';
import { suggestQueryWords } from './query-completions';

const CATALOG: QueryCatalog = {
  tables: [
    {
      name: 'MetricPoints',
      description: 'Every stored value of every metric.',
      columns: [
        { name: 'metric', type: 'string', description: "The metric's key." },
        { name: 'timestamp', type: 'datetime', description: 'When.' },
        { name: 'value', type: 'real', description: 'The value.' },
      ],
    },
    {
      name: 'Guardrails',
      description: 'Guardrails on metrics.',
      columns: [
        { name: 'id', type: 'string', description: 'Its id.' },
        { name: 'metric', type: 'string', description: 'The guarded metric.' },
        { name: 'status', type: 'string', description: 'ok or breached.' },
      ],
    },
  ],
  operators: ['where', 'summarize', 'join', 'render', 'sort', 'count'],
  functions: ['avg', 'count', 'ago'],
};

/** The labels offered with the cursor at `|` in `marked` (the bar is taken out). */
function offered(marked: string, explicit = false) {
  const cursor = marked.indexOf('‸');
  const text = marked.replace('‸', '');
  const found = suggestQueryWords(text, cursor, CATALOG, explicit);
  return found && { from: found.from, labels: found.options.map((option) => option.label) };
}

describe('suggestQueryWords', () => {
  it('offers the tables at the start of the query', () => {
    expect(offered('Met‸')).toEqual({ from: 0, labels: ['MetricPoints', 'Guardrails'] });
    expect(offered('‸', true)?.labels).toEqual(['MetricPoints', 'Guardrails']);
  });

  it('offers the operators right after a pipe, even before a letter is typed', () => {
    expect(offered('MetricPoints | ‸')).toEqual({
      from: 15,
      labels: ['where', 'summarize', 'join', 'render', 'sort', 'count'],
    });
    expect(offered('MetricPoints\n| wh‸')?.labels).toContain('where');
  });

  it('offers the columns of the table the query reads, then functions and keywords', () => {
    const found = offered('MetricPoints | where v‸');
    expect(found?.from).toBe(21);
    expect(found?.labels.slice(0, 3)).toEqual(['metric', 'timestamp', 'value']);
    expect(found?.labels).toEqual(expect.arrayContaining(['avg', 'ago', 'by', 'and', 'true']));
    expect(found?.labels).not.toContain('status'); // Guardrails is not read
  });

  it('offers the columns of both sides of a join, and tables inside the join', () => {
    expect(offered('MetricPoints | join (‸', true)?.labels).toEqual(['MetricPoints', 'Guardrails']);
    expect(offered('MetricPoints | join kind=inner (Gu‸')?.labels).toEqual([
      'MetricPoints',
      'Guardrails',
    ]);
    const labels = offered('MetricPoints | join (Guardrails) on m‸')?.labels ?? [];
    expect(labels).toEqual(expect.arrayContaining(['value', 'status', 'id']));
    expect(labels.filter((label) => label === 'metric')).toHaveLength(1);
  });

  it('offers the names the query defines, but not join kind=', () => {
    const found = offered('MetricPoints | extend doubled = value * 2 | where d‸');
    expect(found?.labels).toContain('doubled');
    const joined = offered('MetricPoints | join kind=inner (Guardrails) on metric | where k‸');
    expect(joined?.labels).not.toContain('kind');
    expect(offered('MetricPoints | extend kind = 1 | where k‸')?.labels).toContain('kind');
  });

  it('offers what may follow render, kind=, sort and join', () => {
    expect(offered('MetricPoints | render t‸')?.labels).toEqual(['timechart', 'barchart', 'table']);
    expect(offered('MetricPoints | join kind=‸', true)?.labels).toEqual(['inner', 'leftouter']);
    expect(offered('MetricPoints | sort ‸', true)?.labels).toEqual(['by']);
    expect(offered('MetricPoints | join k‸')?.labels).toEqual(['kind']);
  });

  it('stays quiet in strings, comments and numbers, and where nothing was typed unless asked', () => {
    expect(offered('MetricPoints | where metric == "up‸')).toBeNull();
    expect(offered('MetricPoints // a note‸')).toBeNull();
    expect(offered('MetricPoints | take 10‸')).toBeNull();
    expect(offered('MetricPoints | where ‸')).toBeNull();
    expect(offered('MetricPoints | where ‸', true)?.labels).toContain('value');
  });
});
