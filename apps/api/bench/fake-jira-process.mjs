// The tests' fake Jira (test/support/fake-jira, loaded with Node's type stripping) in a process
// of its own, driven by the benchmark over IPC: the project it generates and serves, and the
// JSON it builds per request, then weigh nothing in the measured process (the API and its
// sync), whose peak RSS the benchmark reports.
//
// Messages: { id, op, args } → { id, result } or { id, error }. Operations: `start` (the
// FakeJira options; answers its URL), `generate`, `setNow`, `estimateSpread` (changes the
// estimate of `count` issues spread over the project), `changelogEntries`, `close`.
const { FakeJira } = await import(
  new URL('../test/support/fake-jira/fake-jira.ts', import.meta.url).href
);

let jira;

const operations = {
  async start(options) {
    jira = await FakeJira.start(options);
    return jira.url;
  },
  generate(options) {
    jira.generate(options);
  },
  setNow(instant) {
    jira.now = new Date(instant);
  },
  estimateSpread({ count, points }) {
    const keys = [...jira.issues.keys()];
    for (let index = 0; index < count; index++) {
      jira.estimate(keys[Math.floor((index * keys.length) / count)], points);
    }
  },
  changelogEntries() {
    let entries = 0;
    for (const issue of jira.issues.values()) entries += issue.histories.length;
    return entries;
  },
  async close() {
    await jira?.close();
    jira = undefined;
  },
};

process.on('message', ({ id, op, args }) => {
  Promise.resolve()
    .then(() => operations[op](args))
    .then(
      (result) => process.send({ id, result }),
      (error) => process.send({ id, error: String(error?.stack ?? error) }),
    );
});
// The parent went away: nothing left to serve.
process.on('disconnect', () => process.exit(0));
