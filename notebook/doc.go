// Package notebook reads, executes and exports Jupyter notebooks for the
// tunebook Go kernel.
//
// [Read] and [Parse] load a notebook in nbformat 4
// (https://nbformat.readthedocs.io/en/latest/format_description.html);
// [Notebook.Write] saves it in the layout Jupyter itself writes (one-space
// indent, sorted keys, text split into lines), so a file read and written
// again is unchanged byte for byte.
//
// [Execute] runs the code cells in order with an [Engine], normally the
// kernel's interpreter session, and stores the outputs as Jupyter's clients
// do: stream text merged per stream, display_data, execute_result with its
// execution count, and error with name, value and traceback. A [Recorder]
// collects the outputs: it implements the kernel's display.Publisher, so
// update_display_data replaces a display in place and clear_output is
// honoured, and it can capture the engine's stdout and stderr through pipes.
// Execute stops at the first failing cell unless told to continue, and
// interrupts a cell through its context when it runs past the timeout.
//
// [WriteHTML] exports a notebook as one self-contained HTML page, like
// nbconvert's HTML exporter: markdown rendered with goldmark (GitHub
// flavour, raw HTML kept as Jupyter keeps it), code with In [n] prompts,
// and each output in its richest form, text/html verbatim with its scripts.
// Pages with charts get the ECharts library once in their head.
//
// Executed notebooks name the kernelspec [KernelName] in their metadata.
//
// Exported pages run the scripts in the notebook's outputs and the raw HTML
// in its markdown, so export only notebooks from sources you trust, as with
// Jupyter's trusted notebooks.
package notebook
