// Loaded lazily by DeferredTooltip.
export { Tooltip } from '@mantine/core';
