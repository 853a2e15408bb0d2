import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../test-utils/render';
import { AppNavigation } from './app-navigation';

const AREAS = [
  'Portfolio',
  'Programs',
  'Teams',
  'OKRs',
  'Metrics',
  'Reviews',
  'Explore',
  'Alerts',
  'Settings',
];

function currentLinks(): string[] {
  return screen
    .getAllByRole('link')
    .filter((link) => link.getAttribute('aria-current') === 'page')
    .map((link) => link.textContent ?? '');
}

describe('AppNavigation', () => {
  it('links every area of the workspace, in order', () => {
    renderWithProviders(<AppNavigation workspace="demo" />, { route: '/w/demo' });

    const links = screen.getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(AREAS);
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/w/demo/portfolio',
      '/w/demo/programs',
      '/w/demo/teams',
      '/w/demo/okrs',
      '/w/demo/metrics',
      '/w/demo/reviews',
      '/w/demo/explore',
      '/w/demo/alerts',
      '/w/demo/settings',
    ]);
  });

  it('marks only Portfolio as current on the portfolio', () => {
    renderWithProviders(<AppNavigation workspace="demo" />, { route: '/w/demo/portfolio' });

    expect(currentLinks()).toEqual(['Portfolio']);
  });

  it('keeps an area current on its detail pages', () => {
    renderWithProviders(<AppNavigation workspace="demo" />, { route: '/w/demo/programs/42' });

    expect(currentLinks()).toEqual(['Programs']);
    expect(screen.getByRole('link', { name: 'Programs' }).hasAttribute('data-active')).toBe(true);
  });
});
