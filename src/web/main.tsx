import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App.tsx';
import { applyLanguage, browserLanguage } from './i18n/language.ts';
import './styles.css';

// The CSP forbids eval: keep zod from compiling parsers with `new Function` (or even probing for it, which the
// browser reports as a CSP violation).
z.config({ jitless: true });

// Until the session says the person's own choice (Account page).
applyLanguage(browserLanguage());

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
