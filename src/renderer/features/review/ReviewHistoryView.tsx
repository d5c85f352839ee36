import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { HistoryComment, ReviewDecision, ReviewRound, ReviewThread } from '@core/review';
import { capitalise } from '@core/review';

export interface HistoryWords {
  /** What a comment target is, readable: `chart "Growth"`. */
  describe: (target: string) => string;
  /** Who a key id is, where known. */
  nameOf: (keyId: string) => string | undefined;
}

const when = (at: string): string => new Date(at).toLocaleString();

function Decision({ decision, words }: { decision: ReviewDecision; words: HistoryWords }) {
  const by =
    (decision.actor ? words.nameOf(decision.actor) : undefined) ??
    (decision.role ? `the ${decision.role}` : undefined);
  const what = decision.decision === 'approved' ? 'Approved' : 'Changes requested';
  return (
    <Text size="sm" data-testid="review-decision">
      <strong>{what}</strong>
      {by ? ` by ${by}` : ''} on {when(decision.at)}
      {decision.reason ? `: “${decision.reason}”` : ''}
    </Text>
  );
}

function HistoryThread({ thread, words }: { thread: ReviewThread<HistoryComment>; words: HistoryWords }) {
  const where = words.describe(thread.root.target);
  return (
    <Paper withBorder p="xs" role="article" aria-label={`Comment on ${where}`}>
      <Stack gap={4}>
        <Group gap="xs" justify="space-between">
          <Text size="sm" fw={600}>
            On {where}
          </Text>
          <Text size="xs" fw={600}>
            {thread.root.resolved ? 'Resolved' : 'Open'}
          </Text>
        </Group>
        {[thread.root, ...thread.replies].map((comment) => (
          <Text size="sm" key={comment.id} pl={comment === thread.root ? 0 : 'md'}>
            <strong>{comment.author.name}</strong> ({when(comment.at)}): {comment.body}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

/**
 * A task's review, version by version: when each came in, what the reviewer said on it (threads
 * and the QC verdicts that say something) and what was decided, with the reason. The analyst's
 * "Review comments" and the client's "Review history" are both this.
 */
export function ReviewHistoryView({
  rounds,
  words,
  label,
}: {
  rounds: readonly ReviewRound[];
  words: HistoryWords;
  label: string;
}) {
  if (rounds.length === 0) {
    return <Text c="dimmed">No review comments or decisions are recorded.</Text>;
  }
  return (
    <Stack gap="lg" aria-label={label} role="region">
      {[
        ...rounds.filter((r) => r.version !== null).reverse(),
        ...rounds.filter((r) => r.version === null),
      ].map((round) => {
        const title = round.version === null ? 'Version not recorded' : `Version ${String(round.version)}`;
        const quiet =
          round.decisions.length === 0 && round.threads.length === 0 && round.verdicts.length === 0;
        return (
          <Stack key={title} gap="xs" component="section" aria-label={title}>
            <Title order={4}>{title}</Title>
            {round.submittedAt && <Text size="xs">Submitted {when(round.submittedAt)}</Text>}
            {round.decisions.map((decision) => (
              <Decision key={`${decision.decision}-${decision.at}`} decision={decision} words={words} />
            ))}
            {round.threads.map((thread) => (
              <HistoryThread key={thread.root.id} thread={thread} words={words} />
            ))}
            {round.verdicts.map((verdict) => (
              <Paper
                key={`${verdict.itemId}-${String(verdict.version)}`}
                withBorder
                p="xs"
                role="article"
                aria-label={`Verdict on ${words.describe(`qc:${verdict.itemId}`)}`}
              >
                <Text size="sm">
                  <strong>{capitalise(words.describe(`qc:${verdict.itemId}`))}:</strong> the reviewer{' '}
                  {verdict.verdict === 'disagree' ? 'disagrees' : 'agrees'} with the analyst’s result
                  {verdict.comment ? `: “${verdict.comment}”` : '.'}
                </Text>
              </Paper>
            ))}
            {quiet && <Text size="sm">No comments or decisions on this version.</Text>}
          </Stack>
        );
      })}
    </Stack>
  );
}
