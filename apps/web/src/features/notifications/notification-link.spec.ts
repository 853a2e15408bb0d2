import { describe, expect, it } from '@jest/globals';
import { notificationPath } from './notification-link';

describe('notificationPath', () => {
  it('keeps a path alone as it is', () => {
    expect(notificationPath('/w/acme/programs/p1?tab=raid')).toBe('/w/acme/programs/p1?tab=raid');
  });

  it('follows the path of the public URL, whatever host this browser used', () => {
    expect(notificationPath('https://bearing.example.com/w/acme/metrics/lead-time#xmr')).toBe(
      '/w/acme/metrics/lead-time#xmr',
    );
    expect(notificationPath('http://10.0.0.5:3000/w/acme/teams/t1')).toBe('/w/acme/teams/t1');
  });
});
