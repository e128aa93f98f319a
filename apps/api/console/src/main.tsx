import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Api } from './api';
import { App } from './app';
import { Auth } from './auth';
import { loadConfig } from './config';
import { Console } from './context';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

loadConfig().then(
  (config) => {
    const auth = new Auth(config);
    const api = new Api(auth, config.gatewayUrl);
    root.render(
      <StrictMode>
        <Console.Provider value={{ api, auth, config }}>
          <App />
        </Console.Provider>
      </StrictMode>,
    );
  },
  (error: unknown) => {
    root.render(
      <main className="centered" role="alert">
        The console could not start: {(error as Error).message}
      </main>,
    );
  },
);
