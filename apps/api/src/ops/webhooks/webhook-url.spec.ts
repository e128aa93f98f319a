import { isAcceptableWebhookUrl } from './webhook-url';

describe('isAcceptableWebhookUrl', () => {
  it.each([
    'https://pager.example.org/hooks/ct',
    'http://127.0.0.1:8080/hook',
    'http://localhost/x',
    'http://[::1]:9/x',
  ])('takes %s', (url) => expect(isAcceptableWebhookUrl(url)).toBe(true));

  it.each([
    'http://pager.example.org/hooks',
    'http://10.0.0.5/hook',
    'https://user:pass@pager.example.org/',
    'ftp://127.0.0.1/x',
    'not a url',
  ])('refuses %s', (url) => expect(isAcceptableWebhookUrl(url)).toBe(false));
});
