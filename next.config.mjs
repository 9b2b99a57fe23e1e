import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The dev server is reached as 127.0.0.1 in tests and as localhost by people.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  poweredByHeader: false,
  // Tests run their own Next.js next to a developer's running app without sharing build output.
  ...(process.env.NEXT_DIST_DIR ? { distDir: process.env.NEXT_DIST_DIR } : {}),
  // One copy of Payload in the process: the express server and the admin's route handlers share
  // its instance (cached on globalThis), so they must also share its code.
  serverExternalPackages: ['payload', '@payloadcms/db-postgres', '@payloadcms/drizzle', '@payloadcms/email-nodemailer', '@payloadcms/graphql', 'pg', 'sharp'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
