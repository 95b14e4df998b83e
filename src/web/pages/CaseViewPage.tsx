import type { MessageView } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { AnswerList } from '../components/AnswerList.tsx';
import { CaseFacts } from '../components/CaseFacts.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FileList } from '../components/FileList.tsx';
import { Link } from '../components/Link.tsx';
import { MessageThread } from '../components/MessageThread.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ReplyForm } from '../components/ReplyForm.tsx';
import { Section } from '../components/Section.tsx';
import { StatusForm } from '../components/StatusForm.tsx';
import { useCaseDetail } from '../hooks/useCaseDetail.ts';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { casesPath } from '../router/routes.ts';

/** One case: its facts, answers, files, messages, and the forms to reply and to change its status. */
export function CaseViewPage({ id }: { id: string }) {
  const api = useApi();
  const { data, error, loading, reload, update } = useCaseDetail(id);
  const title = data ? `Case ${data.reference}` : 'Case';
  useDocumentTitle(title);

  function addMessage(message: MessageView) {
    update((detail) => ({ ...detail, messages: [...detail.messages, message] }));
  }

  return (
    <>
      <p className="back">
        <Link href={casesPath()}>
          <span aria-hidden="true">← </span>All cases
        </Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {loading && !data ? <p role="status">Loading the case…</p> : null}
      <ErrorMessage message={error?.message} />
      {data ? (
        <div className="case">
          <CaseFacts detail={data} />
          <Section title="Report">
            <AnswerList answers={data.answers} />
          </Section>
          <Section title="Files">
            <FileList files={data.files} downloadUrl={(fileId) => api.fileUrl(data.id, fileId)} />
          </Section>
          <Section title="Messages">
            <MessageThread messages={data.messages} />
            <ReplyForm caseId={data.id} onSent={addMessage} />
          </Section>
          <Section title="Status">
            <StatusForm
              caseId={data.id}
              status={data.status}
              allowedTransitions={data.allowedTransitions}
              onChanged={reload}
            />
          </Section>
        </div>
      ) : null}
    </>
  );
}
