import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { createGoShopClient, GoShopProvider, I18nProvider } from '@goshop/shared';
import '@goshop/shared/ui/theme.css';
import './storefront.css';
import { App } from './App';
import { storefrontMessages } from './messages';

const goshop = createGoShopClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider messages={storefrontMessages}>
      <GoShopProvider goshop={goshop}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </GoShopProvider>
    </I18nProvider>
  </StrictMode>,
);
