import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The dev server is reached as 127.0.0.1 in tests and as localhost by people.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  poweredByHeader: false,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
