import { type DeliveryState, deliveryStateSchema } from '@bearing/contracts';
import { useSearchParams } from 'react-router';

/**
 * The delivery log's state filter (`?state=`), kept in the URL so a filtered view can be linked
 * to and survives a reload. A value the API would refuse is ignored rather than sent.
 */
export function useDeliveryStateFilter() {
  const [searchParams, setSearchParams] = useSearchParams();
  const parsed = deliveryStateSchema.safeParse(searchParams.get('state'));
  const state: DeliveryState | undefined = parsed.success ? parsed.data : undefined;
  const setState = (value: DeliveryState | undefined) =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set('state', value);
      else next.delete('state');
      return next;
    });
  return { state, setState };
}
