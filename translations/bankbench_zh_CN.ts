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
            <source>Imported as the record&apos;s label(s)</source>
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
        <name>bankbench::ui::LabelButtonBar</name>
        <message>
            <source>Key: %1</source>
            <translation>按键：%1</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::LabelEditDialog</name>
        <message>
            <source>New Label</source>
            <translation>新建标签</translation>
        </message>
        <message>
            <source>Edit Label</source>
            <translation>编辑标签</translation>
        </message>
        <message>
            <source>The key name stored with annotations and used by exports and models</source>
            <translation>随标注保存、供导出和模型使用的键名</translation>
        </message>
        <message>
            <source>When to use this label; shown when hovering over its button</source>
            <translation>何时使用此标签；鼠标悬停在按钮上时显示</translation>
        </message>
        <message>
            <source>Key name:</source>
            <translation>键名：</translation>
        </message>
        <message>
            <source>Chinese name:</source>
            <translation>中文名称：</translation>
        </message>
        <message>
            <source>English name:</source>
            <translation>英文名称：</translation>
        </message>
        <message>
            <source>Guideline:</source>
            <translation>标注准则：</translation>
        </message>
        <message>
            <source>Colour:</source>
            <translation>颜色：</translation>
        </message>
        <message>
            <source>Hotkey:</source>
            <translation>快捷键：</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>确定</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Label Colour</source>
            <translation>标签颜色</translation>
        </message>
        <message>
            <source>The key name cannot be empty.</source>
            <translation>键名不能为空。</translation>
        </message>
        <message>
            <source>“%1” is reserved by the labeling view (Space skips, ? marks unclear).</source>
            <translation>“%1”已被标注视图占用（空格跳过，? 标记为不确定）。</translation>
        </message>
        <message>
            <source>This set already has a label named “%1”; merge into it instead.</source>
            <translation>此标签集中已有名为“%1”的标签，请改用合并。</translation>
        </message>
        <message>
            <source>The hotkey %1 is already used by “%2”.</source>
            <translation>快捷键 %1 已被“%2”使用。</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::LabelProgressPanel</name>
        <message>
            <source>%1 of %2 labelled (%3%)</source>
            <translation>已标注 %1 / %2（%3%）</translation>
        </message>
        <message>
            <source>Decisions this session: %1</source>
            <translation>本次会话决定数：%1</translation>
        </message>
        <message>
            <source>Decisions this session: %1 · %2 labels per hour</source>
            <translation>本次会话决定数：%1 · 每小时 %2 条</translation>
        </message>
        <message>
            <source>Agreement (%1): κ = %2</source>
            <translation>一致性（%1）：κ = %2</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::LabelQueueBar</name>
        <message>
            <source>Unlabelled first</source>
            <translation>未标注优先</translation>
        </message>
        <message>
            <source>Random</source>
            <translation>随机</translation>
        </message>
        <message>
            <source>Search and filter</source>
            <translation>搜索与筛选</translation>
        </message>
        <message>
            <source>Model uncertainty</source>
            <translation>模型不确定性</translation>
        </message>
        <message>
            <source>The order records come in</source>
            <translation>记录出现的顺序</translation>
        </message>
        <message>
            <source>seed </source>
            <translation>种子 </translation>
        </message>
        <message>
            <source>The same seed gives the same random order</source>
            <translation>相同的种子给出相同的随机顺序</translation>
        </message>
        <message>
            <source>Search text…</source>
            <translation>搜索文本…</translation>
        </message>
        <message>
            <source>Smallest margin</source>
            <translation>最小间隔</translation>
        </message>
        <message>
            <source>Highest entropy</source>
            <translation>最大熵</translation>
        </message>
        <message>
            <source>Margin: the two most likely labels are close. Entropy: the model spreads its probability over many labels.</source>
            <translation>间隔：最可能的两个标签概率接近。熵：模型把概率分散在许多标签上。</translation>
        </message>
        <message>
            <source>Review disagreements</source>
            <translation>审核分歧</translation>
        </message>
        <message>
            <source>Walk the records where annotators disagree and record the final label</source>
            <translation>逐条查看标注员意见不一致的记录，并记录最终标签</translation>
        </message>
        <message>
            <source>Your name, stored with every decision</source>
            <translation>您的名字，随每个决定一起保存</translation>
        </message>
        <message>
            <source>Labels…</source>
            <translation>标签…</translation>
        </message>
        <message>
            <source>Create, rename, merge, reorder and delete labels</source>
            <translation>新建、重命名、合并、排序和删除标签</translation>
        </message>
        <message>
            <source>Dataset:</source>
            <translation>数据集：</translation>
        </message>
        <message>
            <source>Order:</source>
            <translation>顺序：</translation>
        </message>
        <message>
            <source>Annotator:</source>
            <translation>标注员：</translation>
        </message>
        <message>
            <source>Any label</source>
            <translation>任意标签</translation>
        </message>
        <message>
            <source>Most uncertain records first, by the model&apos;s suggestions</source>
            <translation>按模型建议，最不确定的记录优先</translation>
        </message>
        <message>
            <source>Needs a trained model: train one in the Train workspace, then its suggestions order the queue here.</source>
            <translation>需要已训练的模型：请在“训练”工作区训练一个模型，之后它的建议将在这里决定队列顺序。</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::LabelReader</name>
        <message>
            <source>No project is open.</source>
            <translation>没有打开的项目。</translation>
        </message>
        <message>
            <source>The dataset no longer exists.</source>
            <translation>该数据集已不存在。</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::LabelSchemaDialog</name>
        <message>
            <source>one label per record</source>
            <translation>每条记录一个标签</translation>
        </message>
        <message>
            <source>any number of labels per record</source>
            <translation>每条记录可有多个标签</translation>
        </message>
        <message>
            <source>spans of text (slots)</source>
            <translation>文本片段（槽位）</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Merge Into…</source>
            <translation>合并到…</translation>
        </message>
        <message>
            <source>Move Up</source>
            <translation>上移</translation>
        </message>
        <message>
            <source>Move Down</source>
            <translation>下移</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>Import List…</source>
            <translation>导入列表…</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>New Label Set…</source>
            <translation>新建标签集…</translation>
        </message>
        <message>
            <source>Label set:</source>
            <translation>标签集：</translation>
        </message>
        <message>
            <source>Key name</source>
            <translation>键名</translation>
        </message>
        <message>
            <source>Chinese</source>
            <translation>中文</translation>
        </message>
        <message>
            <source>English</source>
            <translation>英文</translation>
        </message>
        <message>
            <source>Hotkey</source>
            <translation>快捷键</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>记录数</translation>
        </message>
        <message>
            <source>Guideline</source>
            <translation>标注准则</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>no label set yet</source>
            <translation>尚无标签集</translation>
        </message>
        <message>
            <source>Given automatically; set one in Edit…</source>
            <translation>自动分配；可在“编辑…”中设置</translation>
        </message>
        <message>
            <source>Add label “%1”</source>
            <translation>添加标签“%1”</translation>
        </message>
        <message>
            <source>Edit label “%1”</source>
            <translation>编辑标签“%1”</translation>
        </message>
        <message>
            <source>Rename label “%1”</source>
            <translation>重命名标签“%1”</translation>
        </message>
        <message>
            <source>Merge “%1” into “%2”</source>
            <translation>将“%1”合并到“%2”</translation>
        </message>
        <message>
            <source>Move label “%1”</source>
            <translation>移动标签“%1”</translation>
        </message>
        <message>
            <source>Delete label “%1”</source>
            <translation>删除标签“%1”</translation>
        </message>
        <message>
            <source>Merge Label</source>
            <translation>合并标签</translation>
        </message>
        <message>
            <source>Merge “%1” into which label? Its annotations move there; you can undo this.</source>
            <translation>将“%1”合并到哪个标签？它的标注会移到那里；此操作可撤销。</translation>
        </message>
        <message>
            <source>Delete Label</source>
            <translation>删除标签</translation>
        </message>
        <message>
            <source>Delete the label “%1”?</source>
            <translation>删除标签“%1”？</translation>
        </message>
        <message>
            <source>No record carries it. You can undo this with Ctrl+Z.</source>
            <translation>没有记录使用它。可以用 Ctrl+Z 撤销。</translation>
        </message>
        <message>
            <source>Its annotations on %1 records are deleted with it. You can undo this with Ctrl+Z.</source>
            <translation>它在 %1 条记录上的标注将一并删除。可以用 Ctrl+Z 撤销。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Import Labels</source>
            <translation>导入标签</translation>
        </message>
        <message>
            <source>Label lists (*.json *.csv);;All files (*)</source>
            <translation>标签列表 (*.json *.csv);;所有文件 (*)</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::LabelSession</name>
        <message>
            <source>Decisions cannot be saved: %1</source>
            <translation>无法保存决定：%1</translation>
        </message>
        <message>
            <source>Cannot load the label set: %1</source>
            <translation>无法加载标签集：%1</translation>
        </message>
        <message>
            <source>Cannot build the labeling queue: %1</source>
            <translation>无法生成标注队列：%1</translation>
        </message>
        <message>
            <source>This is the last record of the queue.</source>
            <translation>这是队列中的最后一条记录。</translation>
        </message>
        <message>
            <source>This is the first record of the queue.</source>
            <translation>这是队列中的第一条记录。</translation>
        </message>
        <message>
            <source>That was the last record of the queue.</source>
            <translation>刚才是队列中的最后一条记录。</translation>
        </message>
        <message>
            <source>Cannot load records: %1</source>
            <translation>无法加载记录：%1</translation>
        </message>
        <message>
            <source>Cannot count labels: %1</source>
            <translation>无法统计标签：%1</translation>
        </message>
        <message>
            <source>Label record</source>
            <translation>标注记录</translation>
        </message>
        <message>
            <source>Label “%1”</source>
            <translation>标注为“%1”</translation>
        </message>
        <message>
            <source>Select some text first, then press the key of its type.</source>
            <translation>请先选中一段文本，再按其类型的快捷键。</translation>
        </message>
        <message>
            <source>This label set does not take spans.</source>
            <translation>此标签集不支持文本片段。</translation>
        </message>
        <message>
            <source>The selection overlaps the span “%1” (%2). Remove that span first (Backspace).</source>
            <translation>所选内容与片段“%1”（%2）重叠。请先删除该片段（退格键）。</translation>
        </message>
        <message>
            <source>Press a label&apos;s key to choose it; Enter accepts the label shown.</source>
            <translation>按标签的快捷键来选择；回车接受当前显示的标签。</translation>
        </message>
        <message>
            <source>Accept record</source>
            <translation>接受记录</translation>
        </message>
        <message>
            <source>Skip record</source>
            <translation>跳过记录</translation>
        </message>
        <message>
            <source>In review mode, choose the final label or skip the record.</source>
            <translation>在审核模式下，请选择最终标签或跳过该记录。</translation>
        </message>
        <message>
            <source>Mark record unclear</source>
            <translation>标记记录为不确定</translation>
        </message>
        <message>
            <source>Could not save a decision: %1</source>
            <translation>无法保存决定：%1</translation>
        </message>
        <message>
            <source>Could not undo a decision: %1</source>
            <translation>无法撤销决定：%1</translation>
        </message>
        <message>
            <source>Could not change the labels: %1</source>
            <translation>无法修改标签：%1</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::LabelSetDialog</name>
        <message>
            <source>None yet: add them in the label list</source>
            <translation>暂不添加：稍后在标签列表中添加</translation>
        </message>
        <message>
            <source>The values of a column:</source>
            <translation>某一列的取值：</translation>
        </message>
        <message>
            <source>A JSON or CSV list:</source>
            <translation>JSON 或 CSV 列表：</translation>
        </message>
        <message>
            <source>New Label Set</source>
            <translation>新建标签集</translation>
        </message>
        <message>
            <source>Intent: one label per record</source>
            <translation>意图：每条记录一个标签</translation>
        </message>
        <message>
            <source>Intents: several labels per record</source>
            <translation>意图：每条记录多个标签</translation>
        </message>
        <message>
            <source>Slots: spans of text</source>
            <translation>槽位：文本片段</translation>
        </message>
        <message>
            <source>separator, e.g. |</source>
            <translation>分隔符，如 |</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <source>Labels from:</source>
            <translation>标签来源：</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>创建</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Label List</source>
            <translation>标签列表</translation>
        </message>
        <message>
            <source>Label lists (*.json *.csv);;All files (*)</source>
            <translation>标签列表 (*.json *.csv);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Give the label set a name.</source>
            <translation>请为标签集命名。</translation>
        </message>
        <message>
            <source>Choose the list file, or another source.</source>
            <translation>请选择列表文件，或选择其他来源。</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::LabelView</name>
        <message>
            <source>Why is it unclear? (optional) Enter saves, Esc cancels</source>
            <translation>为什么不确定？（可选）回车保存，Esc 取消</translation>
        </message>
        <message>
            <source>Needs review:</source>
            <translation>需要复核：</translation>
        </message>
        <message>
            <source>Recent decisions</source>
            <translation>最近的决定</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Other annotators</source>
            <translation>其他标注员</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <source>Select text, then its key to label a span · Backspace removes the span at the caret · Shift+arrows select · Alt+←/→ move the caret</source>
            <translation>选中文本后按类型键标注片段 · 退格键删除光标处的片段 · Shift+方向键选择 · Alt+←/→ 移动光标</translation>
        </message>
        <message>
            <source>Label keys toggle labels · Enter saves and moves on</source>
            <translation>标签键切换标签 · 回车保存并进入下一条</translation>
        </message>
        <message>
            <source>A label key saves and moves on · Enter accepts the label shown</source>
            <translation>按标签键即保存并进入下一条 · 回车接受当前显示的标签</translation>
        </message>
        <message>
            <source>Space skip · ? unclear · ←/→ previous/next · Tab accept suggestion · Ctrl+Z undo · Ctrl+Shift+Z redo</source>
            <translation>空格 跳过 · ? 不确定 · ←/→ 上一条/下一条 · Tab 接受建议 · Ctrl+Z 撤销 · Ctrl+Shift+Z 重做</translation>
        </message>
        <message>
            <source>Building the queue…</source>
            <translation>正在生成队列…</translation>
        </message>
        <message>
            <source>No disagreements to review</source>
            <translation>没有需要审核的分歧</translation>
        </message>
        <message>
            <source>No records in this queue</source>
            <translation>此队列中没有记录</translation>
        </message>
        <message>
            <source>A record outside this queue</source>
            <translation>不在当前队列中的记录</translation>
        </message>
        <message>
            <source>Disagreement %1 of %2</source>
            <translation>分歧 %1 / %2</translation>
        </message>
        <message>
            <source>Record %1 of %2</source>
            <translation>记录 %1 / %2</translation>
        </message>
        <message>
            <source>source line %1</source>
            <translation>源文件第 %1 行</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>This record was deleted.</source>
            <translation>此记录已被删除。</translation>
        </message>
        <message>
            <source>&lt;i&gt;No spans yet.&lt;/i&gt;</source>
            <translation>&lt;i&gt;还没有片段。&lt;/i&gt;</translation>
        </message>
        <message>
            <source>no label</source>
            <translation>无标签</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>已跳过</translation>
        </message>
        <message>
            <source>Unclear</source>
            <translation>不确定</translation>
        </message>
        <message>
            <source>Unclear: %1</source>
            <translation>不确定：%1</translation>
        </message>
        <message>
            <source>no spans</source>
            <translation>无片段</translation>
        </message>
        <message>
            <source>&lt;b&gt;Not saved yet:&lt;/b&gt; %1 — Enter saves it, ←/→ save it and move</source>
            <translation>&lt;b&gt;尚未保存：&lt;/b&gt;%1 — 回车保存，←/→ 保存并移动</translation>
        </message>
        <message>
            <source>saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <source>saved ✓</source>
            <translation>已保存 ✓</translation>
        </message>
        <message>
            <source>&lt;b&gt;Adjudicated:&lt;/b&gt; %1 (%2)</source>
            <translation>&lt;b&gt;已裁定：&lt;/b&gt;%1（%2）</translation>
        </message>
        <message>
            <source>&lt;b&gt;Your decision:&lt;/b&gt; %1 (%2)</source>
            <translation>&lt;b&gt;您的决定：&lt;/b&gt;%1（%2）</translation>
        </message>
        <message>
            <source>&lt;b&gt;Proposed:&lt;/b&gt; %1 — Enter accepts</source>
            <translation>&lt;b&gt;建议：&lt;/b&gt;%1 — 回车接受</translation>
        </message>
        <message>
            <source>No adjudication yet: choose the final label.</source>
            <translation>尚未裁定：请选择最终标签。</translation>
        </message>
        <message>
            <source>Not labelled yet.</source>
            <translation>尚未标注。</translation>
        </message>
        <message>
            <source>&lt;i&gt;No model suggestions for this record.&lt;/i&gt;</source>
            <translation>&lt;i&gt;模型对此记录没有建议。&lt;/i&gt;</translation>
        </message>
        <message>
            <source>Model suggests: %1 — Tab accepts the first</source>
            <translation>模型建议：%1 — Tab 接受第一个</translation>
        </message>
        <message>
            <source>Annotators&apos; answers</source>
            <translation>各标注员的答案</translation>
        </message>
        <message>
            <source>&lt;i&gt;None&lt;/i&gt;</source>
            <translation>&lt;i&gt;无&lt;/i&gt;</translation>
        </message>
        <message>
            <source>Select some text first, then press the key of its type.</source>
            <translation>请先选中一段文本，再按其类型的快捷键。</translation>
        </message>
        <message>
            <source>Put the caret in a span (click it) to remove it.</source>
            <translation>把光标放到片段中（点击它）即可删除。</translation>
        </message>
        <message>
            <source>In review mode, choose the final label or skip the record.</source>
            <translation>在审核模式下，请选择最终标签或跳过该记录。</translation>
        </message>
        <message>
            <source>Nothing to undo.</source>
            <translation>没有可撤销的操作。</translation>
        </message>
        <message>
            <source>Save (Enter) or undo the edit on this record before redoing.</source>
            <translation>重做之前，请先保存（回车）或撤销此记录上的修改。</translation>
        </message>
        <message>
            <source>Nothing to redo.</source>
            <translation>没有可重做的操作。</translation>
        </message>
        <message>
            <source>No model suggestion for this record.</source>
            <translation>模型对此记录没有建议。</translation>
        </message>
        <message>
            <source>No model yet: train one to get suggestions.</source>
            <translation>还没有模型：训练一个模型即可获得建议。</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <source>✓ All decisions saved · %1</source>
            <translation>✓ 所有决定已保存 · %1</translation>
        </message>
        <message>
            <source>Every decision shown has been written to the project file.</source>
            <translation>显示的每个决定都已写入项目文件。</translation>
        </message>
        <message>
            <source>✗ Not saved</source>
            <translation>✗ 未保存</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>未保存：%1</translation>
        </message>
        <message>
            <source>Cohen</source>
            <translation>Cohen</translation>
        </message>
        <message>
            <source>Fleiss</source>
            <translation>Fleiss</translation>
        </message>
        <message>
            <source>%1 annotators, %2 records rated by all</source>
            <translation>%1 位标注员，%2 条记录被所有人标注</translation>
        </message>
        <message>
            <source>undefined</source>
            <translation>无定义</translation>
        </message>
        <message>
            <source>Enter saves and moves on · Space skip · ? unclear · ←/→ previous/next · Ctrl+Z undo · Ctrl+Shift+Z redo</source>
            <translation>回车 保存并进入下一条 · 空格 跳过 · ? 不确定 · ←/→ 上一条/下一条 · Ctrl+Z 撤销 · Ctrl+Shift+Z 重做</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::LabelWorkspace</name>
        <message>
            <source>Create a Label Set…</source>
            <translation>新建标签集…</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>标注</translation>
        </message>
        <message>
            <source>Labeling %1 as %2</source>
            <translation>以 %2 的身份标注 %1</translation>
        </message>
        <message>
            <source>%1 of %2 labelled</source>
            <translation>已标注 %1 / %2</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>关闭提示</translation>
        </message>
        <message>
            <source>No project open</source>
            <translation>尚未打开项目</translation>
        </message>
        <message>
            <source>Open or create a project in the Data workspace, then label its records here.</source>
            <translation>请在“数据”工作区打开或新建项目，然后在这里标注其中的记录。</translation>
        </message>
        <message>
            <source>Nothing to label yet</source>
            <translation>还没有可标注的数据</translation>
        </message>
        <message>
            <source>Import a dataset first (Project → Import Data…).</source>
            <translation>请先导入数据集（项目 → 导入数据…）。</translation>
        </message>
        <message>
            <source>This dataset has no label set</source>
            <translation>此数据集还没有标签集</translation>
        </message>
        <message>
            <source>A label set holds the intents or slot types to label with. Create one from a column&apos;s values, from a JSON/CSV list, or empty.</source>
            <translation>标签集包含用于标注的意图或槽位类型。可以从某一列的取值、JSON/CSV 列表创建，也可以新建空标签集。</translation>
        </message>
    </context>
    <context>
        <name>bankbench::ui::LabelWriter</name>
        <message>
            <source>No project is open.</source>
            <translation>没有打开的项目。</translation>
        </message>
        <message>
            <source>This decision was never saved, so it cannot be redone.</source>
            <translation>此决定从未保存过，因此无法重做。</translation>
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
