/**
 * The workspace's i18next instance over the bundled `workspace` catalogues, in a folder of its own so that
 * src/web/lib can translate without importing src/web (which imports the lib: a loop). Use it through
 * src/web/i18n/language.ts, or from src/web/lib directly.
 */
import { initReactI18next } from 'react-i18next';
import { createI18n } from '../../i18n/catalogue.ts';
import en from '../../../locales/en/workspace.json' with { type: 'json' };
import zhCN from '../../../locales/zh-CN/workspace.json' with { type: 'json' };
import ar from '../../../locales/ar/workspace.json' with { type: 'json' };
import serverEn from '../../../locales/en/server.json' with { type: 'json' };
import serverZhCN from '../../../locales/zh-CN/server.json' with { type: 'json' };
import serverAr from '../../../locales/ar/server.json' with { type: 'json' };

/** `workspace`: the screens' texts; `server`: messages the server writes in English (src/web/api/client.ts). */
export const i18n = createI18n(
  {
    en: { workspace: en, server: serverEn },
    'zh-CN': { workspace: zhCN, server: serverZhCN },
    ar: { workspace: ar, server: serverAr },
  },
  [initReactI18next],
);
i18n.setDefaultNamespace('workspace');
