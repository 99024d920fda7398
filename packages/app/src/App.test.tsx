import { render, screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('renders the sign-in page with guest sign-in', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: {
              title: 'Readiness Portal',
              baseUrl: 'http://localhost:3000',
            },
            backend: { baseUrl: 'http://localhost:7007' },
            organization: { name: 'Readiness Demo' },
          },
          context: 'test',
        },
      ] as any,
    };

    render(<App />);

    // Nobody is signed in, so the app shows its sign-in page with the guest provider.
    expect(await screen.findByText('Guest')).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: /enter/i }),
    ).toBeInTheDocument();
  });
});
