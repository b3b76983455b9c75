{
  "name": "@sifa/__name__",
  "version": "0.1.0",
  "private": true,
  "type": "module",
  "exports": {
    "./shared": "./shared/index.ts",
    "./server": "./server/index.ts",
    "./web": "./web/index.ts"
  },
  "dependencies": {
    "@ant-design/icons": "6.3.4",
    "@sifa/kernel": "0.1.0",
    "@sifa/ui": "0.1.0",
    "@tanstack/react-query": "5.108.0",
    "antd": "6.6.8",
    "kysely": "0.29.9",
    "react": "19.3.1",
    "react-router-dom": "7.18.5",
    "zod": "4.6.7"
  },
  "devDependencies": {
    "@sifa/testing": "0.1.0",
    "vitest": "4.1.12"
  }
}
