import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
// The base styles first: each screen's own CSS, imported by the screen, comes after them and refines them.
import './styles.css';
import { connectToCore } from './api';
import { App } from './App';
import { CoreContext } from './context/coreContext';
import { i18n } from './i18n';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const connection = connectToCore();

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n} defaultNS="ui">
      <CoreContext value={connection}>
        <App />
      </CoreContext>
    </I18nextProvider>
  </StrictMode>,
);
