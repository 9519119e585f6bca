import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Portal } from './app.tsx';
import './portal.css';

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <Portal />
  </StrictMode>,
);
