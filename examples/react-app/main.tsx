import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CustomerForm } from './CustomerForm';

createRoot(document.querySelector('#root')!).render(
  <StrictMode>
    <CustomerForm />
  </StrictMode>,
);
