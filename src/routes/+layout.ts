// Pages are rendered on the server and work with JavaScript off. Client-side hydration is off by
// default (pages ship no framework JavaScript); a page that needs it turns it on for itself.
export const csr = false;
export const trailingSlash = 'never';
