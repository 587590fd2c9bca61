<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>bankbench::ui::AboutDialog</name>
        <message>
            <source>About Bankbench</source>
            <translation>关于 Bankbench</translation>
        </message>
        <message>
            <source>A workbench for AI in retail banking: import customer-service data, browse and search it, label, train and evaluate models.</source>
            <translation>面向零售银行 AI 的工作台：导入客服数据，浏览和搜索，标注，训练并评估模型。</translation>
        </message>
        <message>
            <source>Qt %1 (built with %2)</source>
            <translation>Qt %1（编译时版本 %2）</translation>
        </message>
        <message>
            <source>Numeric runtime</source>
            <translation>数值运行环境</translation>
        </message>
        <message>
            <source>Inspecting the runtime…</source>
            <translation>正在检测运行环境…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>The slow reference BLAS is in use: matrix work runs about 10 times slower. Install OpenBLAS (libopenblas0-pthread) and restart Bankbench.</source>
            <translation>当前使用的是速度很慢的参考 BLAS，矩阵运算约慢 10 倍。请安装 OpenBLAS（libopenblas0-pthread）后重启 Bankbench。</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::DataFilterBar</name>
        <message>
            <source>The dataset shown in the table</source>
            <translation>表格中显示的数据集</translation>
        </message>
        <message>
            <source>Search text (Chinese or English)…</source>
            <translation>搜索文本（中文或英文）…</translation>
        </message>
        <message>
            <source>Full-text search. Several words must all match; Chinese matches as a phrase.</source>
            <translation>全文搜索：多个词须全部匹配；中文按短语匹配。</translation>
        </message>
        <message>
            <source>All labels</source>
            <translation>全部标签</translation>
        </message>
        <message>
            <source>All records</source>
            <translation>全部记录</translation>
        </message>
        <message>
            <source>Labelled only</source>
            <translation>仅已标注</translation>
        </message>
        <message>
            <source>Unlabelled only</source>
            <translation>仅未标注</translation>
        </message>
        <message>
            <source>&amp;Dataset:</source>
            <translation>数据集(&amp;D)：</translation>
        </message>
        <message>
            <source>&amp;Label:</source>
            <translation>标签(&amp;L)：</translation>
        </message>
        <message>
            <source>%1 (%2 rows)</source>
            <translation>%1（%2 行）</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::DataWorkspace</name>
        <message>
            <source>Data</source>
            <translation>数据</translation>
        </message>
        <message>
            <source>Dataset: %1 · loading rows…</source>
            <translation>数据集：%1 · 正在加载…</translation>
        </message>
        <message>
            <source>Dataset: %1 · %2 of %3 rows</source>
            <translation>数据集：%1 · 显示 %2 / %3 行</translation>
        </message>
        <message>
            <source>No project open</source>
            <translation>尚未打开项目</translation>
        </message>
        <message>
            <source>A project is one file that holds your datasets. Create a new one, open an existing one, or try the synthetic bilingual demo project.</source>
            <translation>一个项目就是一个保存所有数据集的文件。您可以新建项目、打开已有项目，或先试试合成的中英双语演示项目。</translation>
        </message>
        <message>
            <source>This project has no datasets yet</source>
            <translation>此项目还没有数据集</translation>
        </message>
        <message>
            <source>Import a CSV, TSV or JSONL file, or drop one onto this window.</source>
            <translation>请导入 CSV、TSV 或 JSONL 文件，也可以直接把文件拖到本窗口。</translation>
        </message>
        <message>
            <source>Search covers %1 of %2 rows so far; the rest is being indexed in the background.</source>
            <translation>目前可搜索 %1 / %2 行，其余数据正在后台建立索引。</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::ExportDialog</name>
        <message>
            <source>Export Dataset</source>
            <translation>导出数据集</translation>
        </message>
        <message>
            <source>%1 (%2 rows)</source>
            <translation>%1（%2 行）</translation>
        </message>
        <message>
            <source>CSV (comma-separated, UTF-8)</source>
            <translation>CSV（逗号分隔，UTF-8）</translation>
        </message>
        <message>
            <source>JSONL (one JSON object per line)</source>
            <translation>JSONL（每行一个 JSON 对象）</translation>
        </message>
        <message>
            <source>as imported, or |</source>
            <translation>沿用导入时的设置，或 |</translation>
        </message>
        <message>
            <source>Joins several labels in one CSV cell</source>
            <translation>在一个 CSV 单元格中连接多个标签</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <source>&amp;Dataset:</source>
            <translation>数据集(&amp;D)：</translation>
        </message>
        <message>
            <source>&amp;Format:</source>
            <translation>格式(&amp;F)：</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>文件(&amp;F)：</translation>
        </message>
        <message>
            <source>Label &amp;separator:</source>
            <translation>标签分隔符(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>JSON Lines (*.jsonl)</source>
            <translation>JSON Lines 文件 (*.jsonl)</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>dataset</source>
            <translation>数据集</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::ExportJob</name>
        <message>
            <source>Exporting to %1</source>
            <translation>正在导出到 %1</translation>
        </message>
        <message>
            <source>Exported %1 rows of “%2” to %3.</source>
            <translation>已将“%2”的 %1 行导出到 %3。</translation>
        </message>
        <message>
            <source>Export cancelled; no file was written.</source>
            <translation>导出已取消，未写入任何文件。</translation>
        </message>
        <message>
            <source>Writing %1…</source>
            <translation>正在写入 %1…</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::ExportWorker</name>
        <message>
            <source>Export failed: %1</source>
            <translation>导出失败：%1</translation>
        </message>
        <message>
            <source>Export failed with an unknown error.</source>
            <translation>导出失败，发生未知错误。</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::ImportChoices</name>
        <message>
            <source>Auto-detect</source>
            <translation>自动检测</translation>
        </message>
        <message>
            <source>UTF-8</source>
            <translation>UTF-8</translation>
        </message>
        <message>
            <source>GBK (Simplified Chinese)</source>
            <translation>GBK（简体中文）</translation>
        </message>
        <message>
            <source>GB18030 (Chinese)</source>
            <translation>GB18030（中文）</translation>
        </message>
        <message>
            <source>Big5 (Traditional Chinese)</source>
            <translation>Big5（繁体中文）</translation>
        </message>
        <message>
            <source>UTF-16 LE</source>
            <translation>UTF-16 LE</translation>
        </message>
        <message>
            <source>UTF-16 BE</source>
            <translation>UTF-16 BE</translation>
        </message>
        <message>
            <source>Latin-1 (ISO 8859-1)</source>
            <translation>Latin-1（ISO 8859-1）</translation>
        </message>
        <message>
            <source>Windows-1252</source>
            <translation>Windows-1252</translation>
        </message>
        <message>
            <source>Comma ( , )</source>
            <translation>逗号（ , ）</translation>
        </message>
        <message>
            <source>Tab</source>
            <translation>制表符</translation>
        </message>
        <message>
            <source>Semicolon ( ; )</source>
            <translation>分号（ ; ）</translation>
        </message>
        <message>
            <source>Pipe ( | )</source>
            <translation>竖线（ | ）</translation>
        </message>
        <message>
            <source>comma</source>
            <translation>逗号</translation>
        </message>
        <message>
            <source>tab</source>
            <translation>制表符</translation>
        </message>
        <message>
            <source>semicolon</source>
            <translation>分号</translation>
        </message>
        <message>
            <source>pipe</source>
            <translation>竖线</translation>
        </message>
        <message>
            <source>auto</source>
            <translation>自动</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::ImportDialog</name>
        <message>
            <source>Import Data</source>
            <translation>导入数据</translation>
        </message>
        <message>
            <source>Choose a CSV, TSV or JSONL file…</source>
            <translation>选择 CSV、TSV 或 JSONL 文件…</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <source>Auto-detect</source>
            <translation>自动检测</translation>
        </message>
        <message>
            <source>First row holds column names</source>
            <translation>首行为列名</translation>
        </message>
        <message>
            <source>Reading the file</source>
            <translation>读取文件</translation>
        </message>
        <message>
            <source>&amp;Format:</source>
            <translation>格式(&amp;F)：</translation>
        </message>
        <message>
            <source>&amp;Encoding:</source>
            <translation>编码(&amp;E)：</translation>
        </message>
        <message>
            <source>&amp;Delimiter:</source>
            <translation>分隔符(&amp;D)：</translation>
        </message>
        <message>
            <source>empty: one label per row</source>
            <translation>留空：每行一个标签</translation>
        </message>
        <message>
            <source>Splits a label cell into several labels, e.g. | or ;</source>
            <translation>把一个标签单元格拆成多个标签，例如 | 或 ;</translation>
        </message>
        <message>
            <source>Skip rows that cannot be read (otherwise stop at the first one)</source>
            <translation>跳过无法读取的行（否则在第一处错误时停止）</translation>
        </message>
        <message>
            <source>Columns and dataset</source>
            <translation>列与数据集</translation>
        </message>
        <message>
            <source>&amp;Text column:</source>
            <translation>文本列(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Label column:</source>
            <translation>标签列(&amp;L)：</translation>
        </message>
        <message>
            <source>Label &amp;separator:</source>
            <translation>标签分隔符(&amp;S)：</translation>
        </message>
        <message>
            <source>Dataset &amp;name:</source>
            <translation>数据集名称(&amp;N)：</translation>
        </message>
        <message>
            <source>Preview: the first rows as they will be imported</source>
            <translation>预览：前几行的导入效果</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>导入(&amp;I)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <source>Data files (*.csv *.tsv *.txt *.jsonl *.ndjson);;All files (*)</source>
            <translation>数据文件 (*.csv *.tsv *.txt *.jsonl *.ndjson);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Auto-detect (%1)</source>
            <translation>自动检测（%1）</translation>
        </message>
        <message>
            <source>Detected: %1, %2% confidence · file size %3</source>
            <translation>检测结果：%1，置信度 %2% · 文件大小 %3</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Line %1, column %2: %3</source>
            <translation>第 %1 行，第 %2 列：%3</translation>
        </message>
        <message>
            <source>dataset</source>
            <translation>数据集</translation>
        </message>
        <message>
            <source>Choose a file to import, or drop one onto the main window.</source>
            <translation>请选择要导入的文件，或把文件拖到主窗口。</translation>
        </message>
        <message>
            <source>Reading the start of the file…</source>
            <translation>正在读取文件开头…</translation>
        </message>
        <message>
            <source>Enter a name for the new dataset.</source>
            <translation>请为新数据集输入名称。</translation>
        </message>
        <message>
            <source>This project already has a dataset named “%1”.</source>
            <translation>此项目中已有名为“%1”的数据集。</translation>
        </message>
        <message>
            <source>The label column must differ from the text column.</source>
            <translation>标签列不能与文本列相同。</translation>
        </message>
        <message>
            <source>No other columns.</source>
            <translation>没有其他列。</translation>
        </message>
        <message>
            <source>Kept as metadata: %1.</source>
            <translation>作为元数据保留：%1。</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::ImportJob</name>
        <message>
            <source>Importing %1</source>
            <translation>正在导入 %1</translation>
        </message>
        <message>
            <source>Import cancelled; nothing was imported.</source>
            <translation>导入已取消，没有导入任何数据。</translation>
        </message>
        <message>
            <source>%1 rows · %2 rows/s</source>
            <translation>%1 行 · 每秒 %2 行</translation>
        </message>
        <message>
            <source> · %1 left</source>
            <translation> · 剩余 %1</translation>
        </message>
        <message>
            <source> · %1 skipped</source>
            <translation> · 已跳过 %1 行</translation>
        </message>
        <message>
            <source>Imported %1 rows into “%2” in %3 s.</source>
            <translation>已将 %1 行导入“%2”，用时 %3 秒。</translation>
        </message>
        <message>
            <source>Bad rows skipped: %1.</source>
            <translation>已跳过错误行：%1 行。</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::ImportPreviewModel</name>
        <message>
            <source>%1 [text]</source>
            <translation>%1 [文本]</translation>
        </message>
        <message>
            <source>%1 [label]</source>
            <translation>%1 [标签]</translation>
        </message>
        <message>
            <source>Imported as the record text</source>
            <translation>作为记录文本导入</translation>
        </message>
        <message>
            <source>Imported as the record's label(s)</source>
            <translation>作为记录的标签导入</translation>
        </message>
        <message>
            <source>Kept as a metadata column</source>
            <translation>作为元数据列保留</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::ImportReportDialog</name>
        <message>
            <source>Import Report</source>
            <translation>导入报告</translation>
        </message>
        <message>
            <source>Imported %1 rows into “%2” (encoding %3).</source>
            <translation>已将 %1 行导入“%2”（编码 %3）。</translation>
        </message>
        <message>
            <source>Skipped %1 rows that could not be read.</source>
            <translation>跳过了 %1 个无法读取的行。</translation>
        </message>
        <message>
            <source>Showing the first %1 of %2 warnings.</source>
            <translation>共 %2 条警告，仅显示前 %1 条。</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::ImportWorker</name>
        <message>
            <source>Import failed: %1</source>
            <translation>导入失败：%1</translation>
        </message>
        <message>
            <source>Import failed with an unknown error.</source>
            <translation>导入失败，发生未知错误。</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::IndexJob</name>
        <message>
            <source>Indexing for search</source>
            <translation>正在建立搜索索引</translation>
        </message>
        <message>
            <source>%1 of %2 rows</source>
            <translation>%1 / %2 行</translation>
        </message>
        <message>
            <source>Search index ready (%1 rows added).</source>
            <translation>搜索索引已就绪（新增 %1 行）。</translation>
        </message>
        <message>
            <source>Search indexing paused; search covers the rows indexed so far. It resumes when the project is opened again.</source>
            <translation>搜索索引已暂停，目前只能搜索已建索引的行；下次打开项目时会继续。</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::IndexWorker</name>
        <message>
            <source>Search indexing failed: %1</source>
            <translation>建立搜索索引失败：%1</translation>
        </message>
        <message>
            <source>Search indexing failed with an unknown error.</source>
            <translation>建立搜索索引失败，发生未知错误。</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::JobIndicator</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>Stop this job</source>
            <translation>停止此任务</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::MainWindow</name>
        <message>
            <source>Bankbench</source>
            <translation>Bankbench</translation>
        </message>
        <message>
            <source>Workspaces</source>
            <translation>工作区</translation>
        </message>
        <message>
            <source>&amp;New Project…</source>
            <translation>新建项目(&amp;N)…</translation>
        </message>
        <message>
            <source>New &amp;Demo Project…</source>
            <translation>新建演示项目(&amp;D)…</translation>
        </message>
        <message>
            <source>A new project with synthetic bilingual customer-service messages</source>
            <translation>新建一个包含合成中英双语客服消息的项目</translation>
        </message>
        <message>
            <source>&amp;Open Project…</source>
            <translation>打开项目(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Import Data…</source>
            <translation>导入数据(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Export Dataset…</source>
            <translation>导出数据集(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Close Project</source>
            <translation>关闭项目(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Project</source>
            <translation>项目(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Workspace</source>
            <translation>工作区(&amp;W)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>System Default</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About Bankbench</source>
            <translation>关于 Bankbench(&amp;A)</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>关于 &amp;Qt</translation>
        </message>
        <message>
            <source>Opening %1…</source>
            <translation>正在打开 %1…</translation>
        </message>
        <message>
            <source>New Project</source>
            <translation>新建项目</translation>
        </message>
        <message>
            <source>Bankbench projects (*.bbproj)</source>
            <translation>Bankbench 项目 (*.bbproj)</translation>
        </message>
        <message>
            <source>New Demo Project</source>
            <translation>新建演示项目</translation>
        </message>
        <message>
            <source>Writing the demo project…</source>
            <translation>正在生成演示项目…</translation>
        </message>
        <message>
            <source>Open Project</source>
            <translation>打开项目</translation>
        </message>
        <message>
            <source>Bankbench projects (*.bbproj);;All files (*)</source>
            <translation>Bankbench 项目 (*.bbproj);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Cannot open project</source>
            <translation>无法打开项目</translation>
        </message>
        <message>
            <source>Bankbench could not open %1.

%2</source>
            <translation>Bankbench 无法打开 %1。

%2</translation>
        </message>
        <message>
            <source>No project open</source>
            <translation>尚未打开项目</translation>
        </message>
        <message>
            <source>Open or create a project first; imported data is stored in it.</source>
            <translation>请先打开或新建一个项目，导入的数据将保存在项目中。</translation>
        </message>
        <message>
            <source>A job is running</source>
            <translation>有任务正在运行</translation>
        </message>
        <message>
            <source>Wait for the running job to finish, or cancel it.</source>
            <translation>请等待当前任务完成，或将其取消。</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>The new language is used after Bankbench restarts.</source>
            <translation>新语言将在 Bankbench 重启后生效。</translation>
        </message>
        <message>
            <source>Restart Now</source>
            <translation>立即重启</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>稍后</translation>
        </message>
        <message>
            <source>Restart Bankbench after the running job has finished.</source>
            <translation>请在当前任务完成后再重启 Bankbench。</translation>
        </message>
        <message>
            <source>%1 — Bankbench</source>
            <translation>%1 — Bankbench</translation>
        </message>
        <message>
            <source>Project: %1</source>
            <translation>项目：%1</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>确定</translation>
        </message>
        <message>
            <source>Quit Bankbench</source>
            <translation>退出 Bankbench</translation>
        </message>
        <message>
            <source>%1 is still running. Cancel it and quit?</source>
            <translation>“%1”仍在运行。要取消它并退出吗？</translation>
        </message>
        <message>
            <source>Cancel Job and Quit</source>
            <translation>取消任务并退出</translation>
        </message>
        <message>
            <source>Keep Running</source>
            <translation>继续运行</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::RecentProjectsMenu</name>
        <message>
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>No recent projects</source>
            <translation>没有最近的项目</translation>
        </message>
        <message>
            <source>&amp;Clear List</source>
            <translation>清除列表(&amp;C)</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::RecordDetailPane</name>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>Fields</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Record %1 · source line %2</source>
            <translation>第 %1 条记录 · 源文件第 %2 行</translation>
        </message>
        <message>
            <source>&lt;i&gt;No label&lt;/i&gt;</source>
            <translation>&lt;i&gt;无标签&lt;/i&gt;</translation>
        </message>
        <message>
            <source>Labels: %1</source>
            <translation>标签：%1</translation>
        </message>
        <message>
            <source>Record %1 · loading…</source>
            <translation>第 %1 条记录 · 正在加载…</translation>
        </message>
        <message>
            <source>No record selected</source>
            <translation>未选择记录</translation>
        </message>
        <message>
            <source>&lt;i&gt;Select a row to see the full record here.&lt;/i&gt;</source>
            <translation>&lt;i&gt;选择一行，即可在此查看完整记录。&lt;/i&gt;</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::RecordLoader</name>
        <message>
            <source>No project is open.</source>
            <translation>没有打开的项目。</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::RecordTableModel</name>
        <message>
            <source>Source column: %1</source>
            <translation>源列：%1</translation>
        </message>
        <message>
            <source>Current labels (imported from column %1)</source>
            <translation>当前标签（导入自列 %1）</translation>
        </message>
        <message>
            <source>Current labels</source>
            <translation>当前标签</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>文本</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>标签</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Bankbench, a workbench for AI in retail banking.</source>
            <translation>Bankbench：面向零售银行 AI 的工作台。</translation>
        </message>
        <message>
            <source>Project file (*.bbproj) to open.</source>
            <translation>要打开的项目文件（*.bbproj）。</translation>
        </message>
        <message>
            <source>Interface language for this run: en or zh_CN.</source>
            <translation>本次运行的界面语言：en 或 zh_CN。</translation>
        </message>
        <message>
            <source>Read and write settings in this INI file.</source>
            <translation>在此 INI 文件中读写设置。</translation>
        </message>
        <message>
            <source>Save a PNG of the window once the data has loaded, then quit.</source>
            <translation>数据加载完成后把窗口保存为 PNG，然后退出。</translation>
        </message>
        <message>
            <source>Window size for --screenshot.</source>
            <translation>--screenshot 使用的窗口大小。</translation>
        </message>
        <message>
            <source>Select this table row (1-based) for --screenshot.</source>
            <translation>--screenshot 时选中表格的这一行（从 1 开始）。</translation>
        </message>
        <message>
            <source>Start with this text in the search box.</source>
            <translation>启动时在搜索框中填入此文本。</translation>
        </message>
        <message>
            <source>Open the import dialog on this data file.</source>
            <translation>启动时用此数据文件打开导入对话框。</translation>
        </message>
    </context>
</TS>
