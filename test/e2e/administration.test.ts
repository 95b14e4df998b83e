/**
 * The administration without a shell, in Debian's Chromium: the only administrator creates a category with a new
 * questionnaire in the workspace, previews its form, publishes it (at once: there is no second administrator, and
 * the screen says so), and a reporter without JavaScript uses it; a supervisor reads the answers. axe-core finds
 * nothing on the administration's screens.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, HAVE_CHROMIUM, saveScreens } from './browser.ts';
import { servedApp } from './workspace.ts';

/** Fills a translated text (a group named `name` inside `scope`) in the profile's three languages. */
async function fillText(scope: Page | Locator, name: string, en: string, zh: string, ar: string): Promise<void> {
  const group = scope.getByRole('group', { name, exact: true });
  await group.getByLabel('English', { exact: true }).fill(en);
  await group.getByLabel('简体中文', { exact: true }).fill(zh);
  await group.getByLabel('العربية', { exact: true }).fill(ar);
}

describe.runIf(HAVE_CHROMIUM)('administration in a browser', () => {
  const web = servedApp();

  it('creates a category with a questionnaire, previews and publishes it, and a reporter uses it', async () => {
    const admin = await web.signedIn('administrator', 'Work waiting for you');
    await admin.getByText('You are the only administrator.').waitFor();
    await admin.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();
    await admin.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
    await admin.getByText('You are the only administrator: your changes apply when you publish them').waitFor();
    await saveScreens(admin, 'administration-categories');

    await admin.getByRole('button', { name: 'Add a category' }).click();
    await admin.getByLabel('Category id').fill('witness-pressure');
    await fillText(admin, 'Title', 'Pressure on a witness', '向证人施压', 'الضغط على شاهد');
    await fillText(
      admin,
      'Description',
      'Someone presses a witness to stay silent.',
      '有人向证人施压，迫使其保持沉默。',
      'شخص يضغط على شاهد ليلزم الصمت.',
    );
    const questions = admin.locator('.admin-question');
    await fillText(questions.nth(0), 'Question', 'What happened?', '发生了什么？', 'ماذا حدث؟');

    await admin.getByRole('button', { name: 'Add a question' }).click();
    const second = questions.nth(1);
    await second.getByLabel('Type').selectOption({ label: 'One choice' });
    await second.getByLabel('Question id').fill('ongoing');
    await fillText(second, 'Question', 'Is it still going on?', '是否仍在持续？', 'هل ما زال مستمرًا؟');
    for (const [value, en, zh, ar] of [
      ['yes', 'Yes', '是', 'نعم'],
      ['no', 'No', '否', 'لا'],
    ] as const) {
      await second.getByRole('button', { name: 'Add an option' }).click();
      const option = second.locator('.admin-option').last();
      await option.getByLabel('Stored value').fill(value);
      await fillText(option, `Option ${value === 'yes' ? 1 : 2}`, en, zh, ar);
    }

    await admin.getByRole('button', { name: 'Add a question' }).click();
    const third = questions.nth(2);
    await third.getByLabel('Type').selectOption({ label: 'Short text' });
    await third.getByLabel('Question id').fill('where');
    await fillText(third, 'Question', 'Where did it happen?', '在哪里发生？', 'أين حدث ذلك؟');
    await admin.getByText(/Draft saved\.\s·\s1 difference from the published version/).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await saveScreens(admin, 'administration-questionnaire');

    await admin.getByRole('tab', { name: 'Preview and publish' }).click();
    await admin.getByLabel('Page').selectOption({ label: '向证人施压' });
    await admin.getByLabel('Language').selectOption({ label: 'English' });
    await admin.getByRole('button', { name: 'Show preview' }).click();
    const frame = admin.frameLocator('iframe[title="Preview of the public page"]');
    await frame.getByRole('heading', { name: 'Pressure on a witness' }).waitFor();
    await frame.getByText('Preview — not published. Reporters do not see this yet.').waitFor();
    expect(await frame.getByLabel('Is it still going on?').count()).toBe(0); // a group, not one input
    await frame.getByRole('group', { name: 'Is it still going on?' }).getByLabel('Yes').waitFor();
    expect(await frame.getByRole('button', { name: 'Continue' }).isDisabled()).toBe(true);
    await admin
      .getByText('You are the only administrator, so this is published at once, without a second person’s approval.')
      .waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await saveScreens(admin, 'administration-preview');
    await admin.getByLabel('Note for the record (optional)').fill('Witness protection category');
    await admin.getByRole('button', { name: 'Publish', exact: true }).click();
    await admin.getByText('Published as version 1. Reporters see it now.').waitFor();

    // The handler is put on the new category's staff in the Users screen: one administrator, so it applies.
    await admin.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
    await admin.getByText('You are the only administrator.').first().waitFor();
    const edit = admin.getByRole('form', { name: 'Change a staff member' });
    await edit.getByLabel('Staff member').selectOption({ label: 'Test handler · Handler' });
    await edit.getByLabel('Every category').uncheck();
    await edit.getByLabel('Pressure on a witness').check();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.getByText('Categories changed.').waitFor();
    await saveScreens(admin, 'users');
    expect(
      (
        await web.t.deps.db
          .selectFrom('users')
          .select('categories')
          .where('username', '=', 'handler')
          .executeTakeFirst()
      )?.categories,
    ).toBe('["witness-pressure"]');

    // A reporter, JavaScript off, uses the new category.
    const reporter = await web.page(false);
    await reporter.goto(`${web.base}/`);
    await reporter.getByRole('link', { name: 'Pressure on a witness', exact: true }).click();
    await reporter.getByLabel('What happened?').fill('My neighbour was told to forget what she saw.');
    await reporter.getByRole('group', { name: 'Is it still going on?' }).getByLabel('Yes', { exact: true }).check();
    await reporter.getByLabel('Where did it happen?').fill('At the market');
    await reporter.getByRole('button', { name: 'Continue' }).click();
    await reporter.getByRole('button', { name: 'Send the report' }).click();
    expect((await reporter.locator('#receipt').innerText()).trim()).toMatch(/^\d{4}( \d{4}){8}$/);

    // A supervisor reads the answers.
    const supervisor = await web.signedIn('supervisor');
    await supervisor.getByRole('table').getByRole('link').first().click();
    await supervisor.getByText('My neighbour was told to forget what she saw.').waitFor();
    await supervisor.getByText('At the market').waitFor();
    await supervisor.getByText('Pressure on a witness').first().waitFor();
  });
});
