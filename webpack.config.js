const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const FUNCTIONS = './src/functions/functions.ts';

/**
 * The dev server's HTTPS certificate, from office-addin-dev-certs (made locally, never downloaded).
 * Where it cannot add its CA to the system store (Linux without sudo), the generated files are
 * used as they are and the browser must trust ca.crt itself.
 */
async function devHttpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { ca, key, cert };
  } catch (e) {
    const { caCertificatePath, localhostCertificatePath, localhostKeyPath } = require('office-addin-dev-certs/lib/defaults');
    if (!fs.existsSync(localhostKeyPath)) throw e;
    console.warn(`The dev certificate's CA could not be trusted automatically (${e.message.trim()}).\nTrust ${caCertificatePath} in your browser.`);
    return { ca: fs.readFileSync(caCertificatePath), cert: fs.readFileSync(localhostCertificatePath), key: fs.readFileSync(localhostKeyPath) };
  }
}

module.exports = async (env) => {
  return {
    // No eval-based source maps: the page's Content Security Policy forbids eval.
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      word: './src/taskpane/word/index.tsx',
      commands: './src/commands/commands.ts',
      functions: FUNCTIONS,
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS }),
      // One page is the shared runtime: task pane, ribbon commands and custom functions.
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane', 'commands', 'functions'],
      }),
      // Word has its own page: no custom functions or Excel commands there.
      new HtmlWebpackPlugin({ filename: 'word.html', template: './src/taskpane/taskpane.html', chunks: ['word'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          // office.js from the npm package, served from our own origin; marked minimized so terser skips 20 MB of it.
          { from: 'node_modules/@microsoft/office-js/dist', to: 'office-js', info: { minimized: true } },
        ],
      }),
    ],
    devServer: {
      host: 'localhost',
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env.WEBPACK_SERVE ? { type: 'https', options: await devHttpsOptions() } : 'http',
      static: false,
    },
  };
};
