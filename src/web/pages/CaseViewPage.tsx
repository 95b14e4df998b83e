import type { CaseDetail, MessageView } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { AccessSection } from '../components/AccessSection.tsx';
import { ActionsSection } from '../components/ActionsSection.tsx';
import { AnswerList } from '../components/AnswerList.tsx';
import { IntakeFactsView } from '../components/IntakeFactsView.tsx';
import { CaseActionPanel, type ActionPanel } from '../components/CaseActionPanel.tsx';
import { CaseApprovals } from '../components/CaseApprovals.tsx';
import { IdentitySection } from '../components/IdentitySection.tsx';
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
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One case, laid out for work: a summary that stays in view (reference, status, deadlines, holders, section
 * links); the report, files, messages and history as the main column; and every action (reply, status,
 * urgency, risk, access, approvals, identity, labels, links, transcripts, enforcement actions, originals,
 * retention) in a side panel opened on demand, one at a time.
 */
export function CaseViewPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { data, error, loading, reload, update } = useCaseDetail(id);
  const summary = useSummaryHeight();
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

  const panels: ActionPanel[] = data
    ? [
        {
          id: 'reply',
          title: t('caseLayout.reply'),
          content: (
            <ReplyForm
              caseId={data.id}
              feedbackTemplates={data.feedbackTemplates}
              reportLanguage={data.language ?? 'en'}
              onSent={addMessage}
            />
          ),
        },
        {
          id: 'status',
          title: t('caseView.section.status'),
          badge: data.outcomeNoticeRequired ? t('caseLayout.noticeDue') : null,
          content: (
            <StatusForm
              caseId={data.id}
              status={data.status}
              allowedTransitions={data.allowedTransitions}
              outcomeNoticeRequired={data.outcomeNoticeRequired}
              riskLevel={data.riskLevel}
              canManageAccess={data.canManageAccess}
              onChanged={reload}
            />
          ),
        },
        {
          id: 'urgency',
          title: t('caseView.section.urgency'),
          content: <UrgencyForm caseId={data.id} urgent={data.urgent} onChanged={changed} />,
        },
        {
          id: 'risk',
          title: t('caseView.section.risk'),
          content: (
            <RiskForm
              caseId={data.id}
              status={data.status}
              riskLevel={data.riskLevel}
              onRecorded={(riskLevel) => changed({ riskLevel })}
            />
          ),
        },
        ...(data.canManageAccess
          ? [
              {
                id: 'access',
                title: t('caseView.section.access'),
                content: (
                  <AccessSection
                    caseId={data.id}
                    categoryId={data.category.id}
                    complaint={data.categoryKind === 'complaint_about_official'}
                    onChanged={reload}
                  />
                ),
              },
            ]
          : []),
        {
          id: 'approvals',
          title: t('approvalSections.approvals'),
          content: (
            <CaseApprovals
              caseId={data.id}
              files={data.files}
              canManageAccess={data.canManageAccess}
              onChanged={reload}
            />
          ),
        },
        {
          id: 'identity',
          title: t('approvalSections.identity'),
          content: <IdentitySection caseId={data.id} />,
        },
        {
          id: 'labels',
          title: t('caseView.section.labels'),
          content: <LabelsForm caseId={data.id} labels={data.labels} onSaved={(labels) => changed({ labels })} />,
        },
        {
          id: 'links',
          title: t('caseView.section.links'),
          content: <LinkedCases caseId={data.id} links={data.links} onChanged={(links) => changed({ links })} />,
        },
        {
          id: 'transcripts',
          title: t('caseView.section.transcripts'),
          content: <TranscriptsSection caseId={data.id} onChanged={reload} />,
        },
        {
          id: 'actions',
          title: t('caseView.section.actions'),
          content: <ActionsSection caseId={data.id} onChanged={reload} />,
        },
        {
          id: 'originals',
          title: t('caseView.section.originals'),
          content: <ApprovedSteps caseId={data.id} files={data.files} />,
        },
        {
          id: 'retention',
          title: t('caseView.section.retention'),
          content: (
            <RetentionSection caseId={data.id} reference={data.reference} status={data.status} onChanged={reload} />
          ),
        },
      ]
    : [];

  return (
    <>
      <p className="back">
        <Link href={casesPath()}>
          <span aria-hidden="true">{i18n.dir() === 'rtl' ? '→ ' : '← '}</span>
          {t('caseView.allCases')}
        </Link>
      </p>
      {loading && !data ? <p role="status">{t('caseView.loading')}</p> : null}
      <ErrorMessage message={error?.message} />
      {data ? (
        <div className="case">
          <div className="case-summary" ref={summary}>
            <PageHeading>{title}</PageHeading>
            <CaseFacts detail={data} />
            <nav className="case-sections" aria-label={t('caseLayout.sections')}>
              <a href="#case-protection">{t('caseView.section.protection')}</a>
              <a href="#case-report">{t('caseView.section.report')}</a>
              <a href="#case-files">{t('caseView.section.files')}</a>
              <a href="#case-messages">{t('caseView.section.messages')}</a>
              <a href="#case-history">{t('caseView.section.history')}</a>
            </nav>
          </div>
          <div className="case-body">
            <div className="case-main">
              <Section id="case-protection" title={t('caseView.section.protection')}>
                <ProtectionSection caseId={data.id} onChanged={reload} />
              </Section>
              <Section id="case-report" title={t('caseView.section.report')}>
                <AnswerList answers={data.answers} />
              </Section>
              {data.intake ? (
                <Section title={t('caseView.section.intake')}>
                  <IntakeFactsView facts={data.intake} />
                </Section>
              ) : null}
              <Section id="case-files" title={t('caseView.section.files')}>
                <FileList files={data.files} downloadUrl={(fileId) => api.fileUrl(data.id, fileId)} />
              </Section>
              <Section id="case-messages" title={t('caseView.section.messages')}>
                <MessageThread messages={data.messages} />
                <p>
                  <a className="button button--secondary" href="#panel=reply">
                    {t('caseLayout.reply')}
                  </a>
                </p>
              </Section>
              <Section id="case-history" title={t('caseView.section.history')}>
                <CaseHistory events={data.events} />
              </Section>
            </div>
            <CaseActionPanel panels={panels} label={t('caseLayout.actions')} />
          </div>
        </div>
      ) : null}
    </>
  );
}

/**
 * A ref for the case summary that writes its height into `--case-summary-h` on the document, so that the sticky
 * side panel and the targets of section links sit below it.
 */
function useSummaryHeight() {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--case-summary-h', `${element.offsetHeight}px`));
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--case-summary-h');
    };
  }, [element]);
  return setElement;
}
