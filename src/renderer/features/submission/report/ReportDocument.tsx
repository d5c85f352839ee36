import type { ReportInput } from '@core/deliverable';
import { formatMinutes, qcSummary, timeSummary } from '@core/deliverable';
import { anchor, ChartFigure, CsvTable } from './ReportBlocks';
import { ReportMarkdown } from './ReportMarkdown';
import { buildReferences, ReportReferencesContext } from './report-context';

const RESULT_LABELS = { open: 'Open', pass: 'Pass', fail: 'Fail', 'not-applicable': 'N/A' } as const;
const EVIDENCE_ANCHOR = { chart: 'chart', view: 'table', finding: 'finding', source: 'source' } as const;

/** The body of the self-contained report; render-report-html wraps it in a document. */
export function ReportDocument({ input }: { input: ReportInput }) {
  const references = buildReferences(input);
  const qc = qcSummary(input.checklist);
  const time = timeSummary(input.timeEntries, input.task.estimateHours);
  return (
    <ReportReferencesContext value={references}>
      <header>
        <h1>{input.task.title}</h1>
        <dl className="meta">
          <dt>Client</dt>
          <dd>{input.task.client}</dd>
          {input.analyst ? (
            <>
              <dt>Analyst</dt>
              <dd>{input.analyst.name}</dd>
            </>
          ) : null}
          <dt>Version</dt>
          <dd>{input.version}</dd>
          <dt>Frozen</dt>
          <dd>{input.frozenAt}</dd>
        </dl>
      </header>

      <section id="answers">
        <h2>Answers</h2>
        {input.answers.map((answer) => (
          <div className="answer" key={answer.questionNumber}>
            <h3>
              {answer.questionNumber}. {answer.question}
            </h3>
            {answer.text.trim() ? (
              <ReportMarkdown markdown={answer.text} />
            ) : (
              <p className="empty">Not answered.</p>
            )}
            {answer.evidence.length > 0 ? (
              <p className="evidence">
                Evidence:{' '}
                {answer.evidence.map((evidence, index) => (
                  <span key={`${evidence.kind}:${evidence.id}`}>
                    {index > 0 ? '; ' : ''}
                    <a href={`#${anchor(EVIDENCE_ANCHOR[evidence.kind], evidence.id)}`}>
                      {evidence.kind} “{evidence.title ?? evidence.id}”
                    </a>
                  </span>
                ))}
              </p>
            ) : null}
          </div>
        ))}
      </section>

      {input.findings.length > 0 ? (
        <section id="findings">
          <h2>Findings</h2>
          {input.findings.map((finding) => (
            <article key={finding.id} id={anchor('finding', finding.id)}>
              <h3>{finding.title}</h3>
              <ReportMarkdown markdown={finding.markdown} />
            </article>
          ))}
        </section>
      ) : null}

      {input.charts.length > 0 ? (
        <section id="charts">
          <h2>Charts</h2>
          {input.charts.map((chart, index) => (
            <ChartFigure key={chart.id} chart={chart} number={index + 1} withId />
          ))}
        </section>
      ) : null}

      {input.tables.length > 0 ? (
        <section id="tables">
          <h2>Tables</h2>
          {input.tables.map((table, index) => (
            <CsvTable key={table.id} table={table} number={index + 1} withId />
          ))}
        </section>
      ) : null}

      {input.sources.length > 0 ? (
        <section id="sources">
          <h2>Sources</h2>
          <ol>
            {input.sources.map((source) => (
              <li key={source.id} id={anchor('source', source.id)}>
                <strong>{source.title}</strong>
                {source.author ? <>. {source.author}</> : null}
                {source.url ? (
                  <>
                    . <a href={reportSafeUrl(source.url)}>{source.url}</a>
                  </>
                ) : null}
                {source.accessed ? <>. Accessed {source.accessed}</> : null}
                {source.attachment ? <>. Attached: {source.attachment.fileName}</> : null}
                {source.notes ? <div className="note">{source.notes}</div> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section id="qc">
        <h2>Quality control</h2>
        <p>
          {qc.pass} passed, {qc.fail} failed, {qc.notApplicable} not applicable, {qc.open} open, of {qc.total}{' '}
          items.
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Severity</th>
              <th scope="col">Result</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {input.checklist.items.map((item) => (
              <tr key={item.id}>
                <td>{item.text}</td>
                <td>{item.severity}</td>
                <td className={`result-${item.result}`}>{RESULT_LABELS[item.result]}</td>
                <td>
                  {item.comment}
                  {item.justification ? <div>Justification: {item.justification}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section id="time">
        <h2>Time</h2>
        <p>
          {formatMinutes(time.totalMinutes)} logged against an estimate of{' '}
          {formatMinutes(time.estimateMinutes)}.
        </p>
        {time.perDay.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Time</th>
              </tr>
            </thead>
            <tbody>
              {time.perDay.map((day) => (
                <tr key={day.date}>
                  <td>{day.date}</td>
                  <td>{formatMinutes(day.minutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </ReportReferencesContext>
  );
}

/** A source's URL as a link only when it is http(s); anything else (javascript:, file:) is dropped. */
function reportSafeUrl(url: string): string | undefined {
  return /^https?:\/\//i.test(url.trim()) ? url.trim() : undefined;
}
