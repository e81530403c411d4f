import type { IsoDate } from '../ehc/index.js';
import { formatDate } from '../web/format.js';
import type { Answers, RequestFile } from './data.js';
import { requestPaths, type RequestSection } from './paths.js';
import {
  CONTACT_WAYS,
  RELATIONSHIPS,
  SECTION_TITLES,
  SECTIONS,
  sectionState,
  VIEWS_BY,
  withDates,
  YES_NO,
} from './sections.js';
import { checkDate } from '../web/forms/dates.js';

const STATUS = {
  'not-started': { tag: { text: 'Not yet started', classes: 'govuk-tag--blue' } },
  'in-progress': { tag: { text: 'In progress', classes: 'govuk-tag--light-blue' } },
  completed: { text: 'Completed' },
} as const;

/** The GOV.UK task list's items: each section with its state, then "Check your answers". */
export function taskListItems(requestId: string, answers: Answers, today: IsoDate, allDone: boolean, fileCount = 0) {
  const items: Record<string, unknown>[] = SECTIONS.map((section) => {
    const state = sectionState(section, answers, today);
    // Documents uploaded, but the section not yet left with "Save and continue".
    const shown = section === 'evidence' && state === 'not-started' && fileCount > 0 ? 'in-progress' : state;
    return {
      title: { text: SECTION_TITLES[section] },
      href: requestPaths.section(requestId, section),
      status: STATUS[shown],
    };
  });
  items.push(
    allDone
      ? {
          title: { text: 'Check your answers and send the request' },
          href: requestPaths.check(requestId),
          status: { tag: { text: 'Not yet started', classes: 'govuk-tag--blue' } },
        }
      : {
          title: { text: 'Check your answers and send the request' },
          status: { text: 'Cannot start yet', classes: 'govuk-task-list__status--cannot-start-yet' },
        },
  );
  return items;
}

type Labels = Record<string, string>;
const label = (labels: Labels, value: string | undefined) => (value ? (labels[value] ?? value) : '');

function dateOfBirth(values: Record<string, string>): string {
  const parts = withDates('child', values).dateOfBirth as { day: string; month: string; year: string };
  const { date } = checkDate(parts, { label: 'Date of birth', missing: '' });
  return date ? formatDate(date) : '';
}

/** Each section's answers as GOV.UK summary list rows, with a change link to its page. */
export function summaryRows(
  requestId: string,
  answers: Answers,
  files: RequestFile[],
): { section: RequestSection; title: string; rows: { key: string; value: string; href: string }[] }[] {
  const a = (section: RequestSection) => answers[section] ?? {};
  const child = a('child');
  const you = a('you');
  const rows: Record<RequestSection, [string, string][]> = {
    child: [
      ['Name', `${child.firstName ?? ''} ${child.lastName ?? ''}`.trim()],
      ['Date of birth', dateOfBirth(child)],
      ['Address', child.address ?? ''],
      ['Postcode', (child.postcode ?? '').toUpperCase()],
      ['Current school or setting', child.school ?? ''],
      ['In the care of the local authority', label(YES_NO, child.inCare)],
      ['Languages they speak', child.languages ?? ''],
    ],
    you: [
      ['Your relationship to them', label(RELATIONSHIPS, you.relationship)],
      ...(you.relationship === 'school'
        ? [['Name of the school, college or nursery', you.settingName ?? ''] as [string, string]]
        : []),
      ...(you.relationship === 'parent'
        ? [['Parental responsibility', label(YES_NO, you.parentalResponsibility)] as [string, string]]
        : []),
      ['Telephone', you.phone ?? ''],
      ['How we contact you', label(CONTACT_WAYS, you.contactBy)],
      [
        'Interpreter or other help',
        you.needHelp === 'yes' ? `Yes: ${you.helpDetails ?? ''}` : label(YES_NO, you.needHelp),
      ],
    ],
    reasons: [
      ['Their needs', a('reasons').needs ?? ''],
      ['The support they have had so far', a('reasons').supportSoFar ?? ''],
      ['What the school or setting has done', a('reasons').schoolActions ?? ''],
    ],
    views: [
      ['Written', label(VIEWS_BY, a('views').viewsBy)],
      ['Their views', a('views').views ?? ''],
    ],
    evidence: [
      [
        'Documents',
        files.length === 0 ? 'None' : files.map((file) => `${file.originalFilename}: ${file.description}`).join('\n'),
      ],
    ],
    declaration: [
      [
        'Declaration and consent',
        a('declaration').consent === 'yes' && a('declaration').declaration === 'yes' ? 'Confirmed' : '',
      ],
    ],
  };
  return SECTIONS.map((section) => ({
    section,
    title: SECTION_TITLES[section],
    rows: rows[section].map(([key, value]) => ({ key, value, href: requestPaths.section(requestId, section) })),
  }));
}
