import { describe, expect, it } from '@jest/globals';
import { safeNextPath, signInPath } from './next-path';

describe('signInPath', () => {
  it('remembers the page and its query', () => {
    expect(signInPath('/w/demo/settings/tokens', '?tab=1')).toBe(
      '/sign-in?next=%2Fw%2Fdemo%2Fsettings%2Ftokens%3Ftab%3D1',
    );
  });

  it('has nothing to remember for the start page', () => {
    expect(signInPath('/')).toBe('/sign-in');
  });
});

describe('safeNextPath', () => {
  it('keeps a path on this site', () => {
    expect(safeNextPath('/w/demo/okrs?period=q3')).toBe('/w/demo/okrs?period=q3');
  });

  it.each([null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'w/demo'])(
    'goes to the start page instead of %p',
    (next) => {
      expect(safeNextPath(next)).toBe('/');
    },
  );
});
