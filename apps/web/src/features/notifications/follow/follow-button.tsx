import type { FollowSubject } from '@bearing/contracts';
import { Button, Text, VisuallyHidden } from '@mantine/core';
import { useFollow, useFollows, useUnfollow } from '../../../api/notifications';
import { describeError } from '../../../api/api-error';

export interface FollowButtonProps {
  workspace: string;
  subject: FollowSubject;
  /** What is followed, for the button's name: "Checkout rebuild", "the guardrail on Lead time". */
  name: string;
  size?: 'xs' | 'sm';
}

/**
 * Follow / Following: the thing's events (reports, guardrail changes, slips…) reach the signed-in
 * user's inbox and chosen channels; any member may follow what they can read. A toggle
 * (`aria-pressed`) named by its visible word and, for screen readers, what it follows
 * ("Following Checkout rebuild"), so each of several on a page is told apart.
 */
export function FollowButton({ workspace, subject, name, size = 'sm' }: FollowButtonProps) {
  const follows = useFollows(workspace);
  const follow = useFollow(workspace);
  const unfollow = useUnfollow(workspace);
  const following =
    follows.data?.items.some(
      (item) => item.subject.type === subject.type && item.subject.id === subject.id,
    ) ?? false;
  const pending = follow.isPending || unfollow.isPending;
  const failure = follow.error ?? unfollow.error;

  const toggle = () => {
    follow.reset();
    unfollow.reset();
    if (following) unfollow.mutate(subject);
    else follow.mutate(subject);
  };

  return (
    <>
      <Button
        size={size}
        variant={following ? 'light' : 'default'}
        aria-pressed={following}
        title={following ? `You follow ${name}: click to stop` : `Hear about changes to ${name}`}
        onClick={toggle}
        loading={pending}
        disabled={follows.isPending || follows.isError}
      >
        {following ? 'Following' : 'Follow'} <VisuallyHidden>{name}</VisuallyHidden>
      </Button>
      {failure && (
        <Text size="xs" c="red" role="alert">
          {following ? 'Not unfollowed' : 'Not followed'}: {describeError(failure)}
        </Text>
      )}
    </>
  );
}
