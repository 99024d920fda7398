import '@backstage/cli/asset-types';
// The styles of Backstage UI, which the catalog's own cards (About, Links, …) are built with.
import '@backstage/ui/css/styles.css';
import ReactDOM from 'react-dom/client';
import App from './App';

ReactDOM.createRoot(document.getElementById('root')!).render(<App />);
