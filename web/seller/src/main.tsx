import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { createGoShopClient, GoShopProvider, I18nProvider } from '@goshop/shared';
import '@goshop/shared/ui/theme.css';
import { App } from './App';
import { sellerMessages } from './messages';

const goshop = createGoShopClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider messages={sellerMessages}>
      <GoShopProvider goshop={goshop}>
        <BrowserRouter basename="/seller">
          <App />
        </BrowserRouter>
      </GoShopProvider>
    </I18nProvider>
  </StrictMode>,
);
