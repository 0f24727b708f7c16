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
      chunkFilename: '[name].js',
      // The command line's bundle (scripts/buildCli.mjs) lives in dist/ too and is built on its own.
      clean: { keep: /^cli(\.|-)/ },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } },
        // Our modules do nothing on import but define things (entries and workers are always kept),
        // so an import whose exports go unused (the ribbon command's one constant) brings nothing with it.
        { test: /[\\/]src[\\/].*\.tsx?$/, sideEffects: false },
      ],
    },
    performance: { hints: false },
    optimization: {
      // The task pane's page loads three entries (pane, ribbon commands, custom functions): what they
      // share is fetched once. React is its own chunk, the same for both panes; the pane's later
      // steps (src/taskpane/lazyTools.ts) and the Word writer are chunks loaded when needed.
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: 'vendor-react', chunks: 'initial', priority: 20 },
        },
      },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS }),
      // One page is the shared runtime: task pane, ribbon commands and custom functions.
      // The template places the script tags itself (before office.js, see taskpane.html).
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane', 'commands', 'functions'],
        inject: false,
      }),
      // Word has its own page: no custom functions or Excel commands there.
      new HtmlWebpackPlugin({ filename: 'word.html', template: './src/taskpane/taskpane.html', chunks: ['word'], inject: false }),
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
