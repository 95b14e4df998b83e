import type { CaseDetail, MessageView } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { AccessSection } from '../components/AccessSection.tsx';
import { ActionsSection } from '../components/ActionsSection.tsx';
import { AnswerList } from '../components/AnswerList.tsx';
import { IntakeFactsView } from '../components/IntakeFactsView.tsx';
import { ApprovalSections } from '../components/ApprovalSections.tsx';
import { ApprovedSteps } from '../components/ApprovedSteps.tsx';
import { CaseFacts } from '../components/CaseFacts.tsx';
import { CaseHistory } from '../components/CaseHistory.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FileList } from '../components/FileList.tsx';
import { LabelsForm } from '../components/LabelsForm.tsx';
import { Link } from '../components/Link.tsx';
import { LinkedCases } from '../components/LinkedCases.tsx';
import { MessageThread } from '../components/MessageThread.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ProtectionSection } from '../components/ProtectionSection.tsx';
import { ReplyForm } from '../components/ReplyForm.tsx';
import { RetentionSection } from '../components/RetentionSection.tsx';
import { RiskForm } from '../components/RiskForm.tsx';
import { Section } from '../components/Section.tsx';
import { TranscriptsSection } from '../components/TranscriptsSection.tsx';
import { StatusForm } from '../components/StatusForm.tsx';
import { UrgencyForm } from '../components/UrgencyForm.tsx';
import { useCaseDetail } from '../hooks/useCaseDetail.ts';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import type { MessageMode } from '../lib/messages.ts';
import { casesPath } from '../router/routes.ts';
import { useTranslation } from 'react-i18next';

/**
 * One case: its facts, answers, files and messages; triage (urgency, risk to the reporter), status, labels,
 * links, access (for supervisors) and its history.
 */
export function CaseViewPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { data, error, loading, reload, update } = useCaseDetail(id);
  const title = data ? t('caseView.title', { reference: data.reference }) : t('caseView.titleLoading');
  useDocumentTitle(title);

  /** Shows a change at once, then reloads the case so its history (and anything the change moved) is current. */
  function changed(patch: Partial<CaseDetail>) {
    update((detail) => ({ ...detail, ...patch }));
    reload();
  }

  function addMessage(message: MessageView, mode: MessageMode) {
    update((detail) => ({ ...detail, messages: [...detail.messages, message] }));
    // An outcome notice may lift the bar on closing the case.
    if (mode === 'outcome_notice') reload();
  }

  return (
    <>
      <p className="back">
        <Link href={casesPath()}>
          <span aria-hidden="true">{i18n.dir() === 'rtl' ? '→ ' : '← '}</span>
          {t('caseView.allCases')}
        </Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {loading && !data ? <p role="status">{t('caseView.loading')}</p> : null}
      <ErrorMessage message={error?.message} />
      {data ? (
        <div className="case">
          <CaseFacts detail={data} />
          <Section title={t('caseView.section.protection')}>
            <ProtectionSection caseId={data.id} onChanged={reload} />
          </Section>
          <Section title={t('caseView.section.report')}>
            <AnswerList answers={data.answers} />
          </Section>
          {data.intake ? (
            <Section title={t('caseView.section.intake')}>
              <IntakeFactsView facts={data.intake} />
            </Section>
          ) : null}
          <Section title={t('caseView.section.files')}>
            <FileList files={data.files} downloadUrl={(fileId) => api.fileUrl(data.id, fileId)} />
          </Section>
          <Section title={t('caseView.section.originals')}>
            <ApprovedSteps caseId={data.id} files={data.files} />
          </Section>
          <Section title={t('caseView.section.messages')}>
            <MessageThread messages={data.messages} />
            <ReplyForm
              caseId={data.id}
              feedbackTemplates={data.feedbackTemplates}
              reportLanguage={data.language ?? 'en'}
              onSent={addMessage}
            />
          </Section>
          <Section title={t('caseView.section.transcripts')}>
            <TranscriptsSection caseId={data.id} onChanged={reload} />
          </Section>
          <Section title={t('caseView.section.urgency')}>
            <UrgencyForm caseId={data.id} urgent={data.urgent} onChanged={changed} />
          </Section>
          <Section title={t('caseView.section.risk')}>
            <RiskForm
              caseId={data.id}
              status={data.status}
              riskLevel={data.riskLevel}
              onRecorded={(riskLevel) => changed({ riskLevel })}
            />
          </Section>
          <Section title={t('caseView.section.status')}>
            <StatusForm
              caseId={data.id}
              status={data.status}
              allowedTransitions={data.allowedTransitions}
              outcomeNoticeRequired={data.outcomeNoticeRequired}
              riskLevel={data.riskLevel}
              canManageAccess={data.canManageAccess}
              onChanged={reload}
            />
          </Section>
          <Section title={t('caseView.section.actions')}>
            <ActionsSection caseId={data.id} onChanged={reload} />
          </Section>
          <Section title={t('caseView.section.labels')}>
            <LabelsForm caseId={data.id} labels={data.labels} onSaved={(labels) => changed({ labels })} />
          </Section>
          <Section title={t('caseView.section.links')}>
            <LinkedCases caseId={data.id} links={data.links} onChanged={(links) => changed({ links })} />
          </Section>
          <ApprovalSections detail={data} onChanged={reload} />
          {data.canManageAccess ? (
            <Section title={t('caseView.section.access')}>
              <AccessSection
                caseId={data.id}
                categoryId={data.category.id}
                complaint={data.categoryKind === 'complaint_about_official'}
                onChanged={reload}
              />
            </Section>
          ) : null}
          <Section title={t('caseView.section.retention')}>
            <RetentionSection caseId={data.id} reference={data.reference} status={data.status} onChanged={reload} />
          </Section>
          <Section title={t('caseView.section.history')}>
            <CaseHistory events={data.events} />
          </Section>
        </div>
      ) : null}
    </>
  );
}
