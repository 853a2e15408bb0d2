/** The demo workspace's slug and name: start-up creates it in demo mode, the demo seeds it. */
export const DEMO_WORKSPACE = { slug: 'demo', name: 'Streaming Co. (demo)' } as const;
