import { Text, Typography } from '@mantine/core';
import Markdown from 'react-markdown';

/** Markdown as text only: raw HTML is dropped and react-markdown's URL filter neutralises `javascript:`. */
export function MarkdownText(props: { markdown: string; empty?: string }) {
  if (props.markdown.trim() === '') {
    return <Text c="dimmed">{props.empty ?? ''}</Text>;
  }
  return (
    <Typography>
      <Markdown skipHtml>{props.markdown}</Markdown>
    </Typography>
  );
}
