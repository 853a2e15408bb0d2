import { describe, expect, it } from '@jest/globals';
import { switchWorkspacePath } from './workspace-path';

describe('switchWorkspacePath', () => {
  it.each([
    ['/w/demo', '/w/acme'],
    ['/w/demo/', '/w/acme'],
    ['/w/demo/programs', '/w/acme/programs'],
    ['/w/demo/programs/42', '/w/acme/programs'],
    ['/w/demo/settings', '/w/acme/settings'],
    ['/w/demo/settings/tokens', '/w/acme/settings/tokens'],
    ['/welcome', '/w/acme'],
  ])('takes %s to %s', (from, to) => {
    expect(switchWorkspacePath(from, 'acme')).toBe(to);
  });
});
