import { workspaceSlugSchema } from '@bearing/contracts';
import { describe, expect, it } from '@jest/globals';
import { slugFromName } from './slug-from-name';

describe('slugFromName', () => {
  it.each([
    ['Payments & Risk', 'payments-risk'],
    ['  Café Überall  ', 'cafe-uberall'],
    ['Q3 — Growth!', 'q3-growth'],
  ])('turns %p into %p', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });

  it('always suggests a slug the API accepts, or nothing', () => {
    for (const name of ['x'.repeat(80), '-a-', 'A '.repeat(40), '!!!']) {
      const slug = slugFromName(name);
      expect(slug === '' || workspaceSlugSchema.safeParse(slug).success).toBe(true);
    }
  });
});
