<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CalibrationPlots</name>
    <message>
        <source>Reliability diagram</source>
        <translation>可靠性图</translation>
    </message>
    <message>
        <source>ECE %1</source>
        <translation>ECE %1</translation>
    </message>
    <message>
        <source>Accuracy in the bin</source>
        <translation>该区间的准确率</translation>
    </message>
    <message>
        <source>Perfect calibration</source>
        <translation>完美校准</translation>
    </message>
    <message>
        <source>Mean confidence in the bin</source>
        <translation>该区间的平均置信度</translation>
    </message>
    <message>
        <source>Confidence (highest probability)</source>
        <translation>置信度（最高概率）</translation>
    </message>
    <message>
        <source>Share correct</source>
        <translation>正确比例</translation>
    </message>
    <message>
        <source>Confidence histogram</source>
        <translation>置信度直方图</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>F1 and threshold per label</source>
        <translation>各标签的 F1 与阈值</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>F1 / threshold</source>
        <translation>F1 / 阈值</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG 图片 (*.png);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a file name ending in .png or .pdf (SVG is not available in this build).</source>
        <translation>请选择以 .png 或 .pdf 结尾的文件名（此版本不支持 SVG）。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Export as PNG or PDF…</source>
        <translation>导出为 PNG 或 PDF…</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a file name ending in .png, .svg or .pdf.</source>
        <translation>请选择以 .png、.svg 或 .pdf 结尾的文件名。</translation>
    </message>
    <message>
        <source>Export as PNG, SVG or PDF…</source>
        <translation>导出为 PNG、SVG 或 PDF…</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>Subset accuracy</source>
        <translation>子集准确率</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Macro F1</source>
        <translation>宏平均 F1</translation>
    </message>
    <message>
        <source>Weighted F1</source>
        <translation>加权 F1</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Expected calibration error</source>
        <translation>期望校准误差</translation>
    </message>
    <message>
        <source>Classification report</source>
        <translation>分类报告</translation>
    </message>
    <message>
        <source>Top confusions</source>
        <translation>最常见混淆</translation>
    </message>
    <message>
        <source>True label</source>
        <translation>真实标签</translation>
    </message>
    <message>
        <source>Predicted label</source>
        <translation>预测标签</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>TrainPreflight</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Every label needs at least %1 labelled examples (one to train on, one to validate with). Too few: %2. Label more records or merge these labels.</source>
        <translation>每个标签至少需要 %1 条已标注样本（一条用于训练，一条用于验证）。样本过少的标签：%2。请标注更多记录或合并这些标签。</translation>
    </message>
</context>
<context>
    <name>TrainPreset</name>
    <message>
        <source>Fast — seconds on CPU</source>
        <translation>快速 — CPU 上数秒完成</translation>
    </message>
    <message>
        <source>Averaged word and character n-gram embeddings with a linear layer (fastText style). Trains in seconds to minutes on a CPU and is a strong baseline for intent classification.</source>
        <translation>对词和字符 n-gram 嵌入取平均，再接一个线性层（fastText 风格）。在 CPU 上几秒到几分钟即可训练完，是意图分类的强基线。</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>A small BERT-style encoder trained from scratch on your data, with its own subword vocabulary. Slower than the fast model (use a GPU for large datasets) and better on subtle wording.</source>
        <translation>在您的数据上从零训练的小型 BERT 式编码器，带有自己的子词词表。比快速模型慢（大数据集请用 GPU），但对细微措辞更敏感。</translation>
    </message>
    <message>
        <source>Transformer with domain pretraining</source>
        <translation>带领域预训练的 Transformer</translation>
    </message>
    <message>
        <source>First pretrains the encoder on every text of the dataset, labelled or not (masked language model), then fine-tunes it on the labelled ones. Helps when few records are labelled.</source>
        <translation>先在数据集的全部文本（无论是否已标注）上预训练编码器（掩码语言模型），再在已标注文本上微调。适合已标注记录较少的情况。</translation>
    </message>
    <message>
        <source>Import BERT checkpoint…</source>
        <translation>导入 BERT 检查点…</translation>
    </message>
    <message>
        <source>Fine-tunes a BERT checkpoint folder you choose (config.json, model.safetensors and vocab.txt, e.g. a Hugging Face download or a pretraining output); its config decides the encoder&apos;s size.</source>
        <translation>微调您选择的 BERT 检查点文件夹（config.json、model.safetensors 和 vocab.txt，例如 Hugging Face 下载的模型或预训练输出）；编码器大小由其配置决定。</translation>
    </message>
    <message>
        <source>Transformer, most accurate</source>
        <translation>Transformer（最准确）</translation>
    </message>
    <message>
        <source>A wider two-layer encoder that averages its token states, with stronger regularisation: on Banking77 about 3 points more accurate than the Transformer preset (89.6% against 86.8%). Its runs cannot be exported as a Hugging Face classifier.</source>
        <translation>更宽的两层编码器，对各词元状态取平均，并使用更强的正则化：在 Banking77 上比 Transformer 预设准确率高约 3 个百分点（89.6% 对 86.8%）。其运行无法导出为 Hugging Face 分类器。</translation>
    </message>
</context>
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
    <name>bankbench::ui::CellExamplesModel</name>
    <message>
        <source>%1 (was %2)</source>
        <translation>%1（原为 %2）</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>True label</source>
        <translation>真实标签</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Top probabilities</source>
        <translation>最高概率</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::ChatBubbleDelegate</name>
    <message>
        <source>In labeling</source>
        <translation>已送标注</translation>
    </message>
    <message>
        <source>To labeling</source>
        <translation>送去标注</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::ChatModel</name>
    <message>
        <source>%1 · %2%</source>
        <translation>%1 · %2%</translation>
    </message>
    <message>
        <source>FAQ #%1 · %2 · %3</source>
        <translation>常见问题 #%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::ChatView</name>
    <message>
        <source>Type a message in Chinese or English, then press Enter</source>
        <translation>输入中文或英文消息，按回车发送</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Auto language</source>
        <translation>自动识别语言</translation>
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
        <source>The language the bot answers in</source>
        <translation>机器人回答所用的语言</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::ConfusionPlot</name>
    <message>
        <source>Predicted label</source>
        <translation>预测标签</translation>
    </message>
    <message>
        <source>True label</source>
        <translation>真实标签</translation>
    </message>
    <message>
        <source>True: %1
Predicted: %2
Count: %3 (%4% of the true class)</source>
        <translation>真实：%1
预测：%2
数量：%3（占该真实类别的 %4%）</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::ConversationTestView</name>
    <message>
        <source>Conversation Test File</source>
        <translation>对话测试文件</translation>
    </message>
    <message>
        <source>Conversation tests (*.json)</source>
        <translation>对话测试（*.json）</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>正在运行 %1…</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1 (%2%), %3, %4</source>
        <translation>%1（%2%），%3，%4</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed</source>
        <translation>%1 个通过，%2 个失败</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <source>A conversation test file (JSON, as for bankbench-cli chat-test)</source>
        <translation>对话测试文件（JSON，格式同 bankbench-cli chat-test）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Run Tests</source>
        <translation>运行测试</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期</translation>
    </message>
    <message>
        <source>Bot did</source>
        <translation>机器人的处理</translation>
    </message>
    <message>
        <source>Why it failed</source>
        <translation>失败原因</translation>
    </message>
    <message>
        <source>Replays each conversation in a fresh session; turns are not logged.</source>
        <translation>每段对话在新会话中重放；这些轮次不会记入日志。</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::CreateBotDialog</name>
    <message>
        <source>New Bot</source>
        <translation>新建机器人</translation>
    </message>
    <message>
        <source>e.g. service-demo</source>
        <translation>例如 service-demo</translation>
    </message>
    <message>
        <source>Responses (*.json *.csv)</source>
        <translation>回复（*.json *.csv）</translation>
    </message>
    <message>
        <source>FAQ files (*.csv *.tsv *.jsonl)</source>
        <translation>问答文件（*.csv *.tsv *.jsonl）</translation>
    </message>
    <message>
        <source>optional: without it the bot names the intent it understood</source>
        <translation>可选：没有时机器人会说出它理解的意图</translation>
    </message>
    <message>
        <source>optional: FAQ question/answer pairs</source>
        <translation>可选：问答对文件</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Intent model &amp;run:</source>
        <translation>意图模型训练运行(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Responses file:</source>
        <translation>回复文件(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Knowledge base file:</source>
        <translation>知识库文件(&amp;K)：</translation>
    </message>
    <message>
        <source>The confidence margin and the out-of-scope threshold (distance to the intent&apos;s training examples) are tuned on the run&apos;s validation split.</source>
        <translation>置信度领先幅度和超出范围阈值（与该意图训练样本的距离）会在该运行的验证集上自动调整。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a File</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>The project has no finished run: train a model in the Train workspace first.</source>
        <translation>项目中没有已完成的训练运行：请先在训练工作区训练模型。</translation>
    </message>
    <message>
        <source>Give the bot a name.</source>
        <translation>请为机器人命名。</translation>
    </message>
    <message>
        <source>The name is too long (at most 100 bytes).</source>
        <translation>名称过长（最多 100 字节）。</translation>
    </message>
    <message>
        <source>A bot named &quot;%1&quot; already exists.</source>
        <translation>已存在名为“%1”的机器人。</translation>
    </message>
    <message>
        <source>No such file: %1</source>
        <translation>文件不存在：%1</translation>
    </message>
    <message>
        <source>A label of the run that stands for messages the bank does not serve (e.g. &quot;other&quot;): the bot never answers it as an intent, it hands over instead.</source>
        <translation>运行中代表银行不受理的消息的标签（例如“other”）：机器人从不把它当作意图来回答，而是转人工。</translation>
    </message>
    <message>
        <source>&quot;None of these&quot; &amp;intent:</source>
        <translation>“以上皆非”意图(&amp;I)：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
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
    <name>bankbench::ui::DrillDownPanel</name>
    <message>
        <source>Relabel</source>
        <translation>重新标注</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Open in Label Workspace</source>
        <translation>在标注工作区中打开</translation>
    </message>
    <message>
        <source>Retrain with Corrected Labels</source>
        <translation>用修正后的标签重新训练</translation>
    </message>
    <message>
        <source>Store the chosen label for the selected example, as a decision in the label workspace</source>
        <translation>将所选标签保存为该样本的标注（记入标注工作区）</translation>
    </message>
    <message>
        <source>Start a new run with the same settings on the data as it is labelled now</source>
        <translation>以相同设置、按当前标注的数据开始新的训练运行</translation>
    </message>
    <message>
        <source>“%1” is not a label of this data; choose one from the list.</source>
        <translation>“%1”不是此数据的标签；请从列表中选择。</translation>
    </message>
    <message>
        <source>Correct label:</source>
        <translation>正确标签：</translation>
    </message>
    <message>
        <source>Click a cell of the confusion matrix (or a line of the top confusions) to see its examples.</source>
        <translation>点击混淆矩阵中的单元格（或“最常见混淆”中的一行）查看对应样本。</translation>
    </message>
    <message numerus="yes">
        <source>%n example(s) of “%1” predicted correctly</source>
        <translation>
            <numerusform>“%1”的 %n 条样本预测正确</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n example(s) of “%1” predicted as “%2”</source>
        <translation>
            <numerusform>“%1”的 %n 条样本被预测为“%2”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bankbench::ui::EvaluateWorkspace</name>
    <message>
        <source>%1 of %2 examples</source>
        <translation>%1 / %2 条样本</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Report as CSV…</source>
        <translation>报告导出为 CSV…</translation>
    </message>
    <message>
        <source>Report as HTML…</source>
        <translation>报告导出为 HTML…</translation>
    </message>
    <message>
        <source>Whole Evaluation as HTML Report…</source>
        <translation>完整评估导出为 HTML 报告…</translation>
    </message>
    <message>
        <source>Current Chart as PNG or PDF…</source>
        <translation>当前图表导出为 PNG 或 PDF…</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>训练运行：</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <source>Confusion Matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Classification Report</source>
        <translation>分类报告</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Row percentages</source>
        <translation>行百分比</translation>
    </message>
    <message>
        <source>Label order</source>
        <translation>按标签顺序</translation>
    </message>
    <message>
        <source>Most errors first</source>
        <translation>错误最多的在前</translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>排序：</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · click a cell: its examples</source>
        <translation>滚轮：缩放 · 拖动：平移 · 点击单元格：查看样本</translation>
    </message>
    <message>
        <source>True label</source>
        <translation>真实标签</translation>
    </message>
    <message>
        <source>Predicted as</source>
        <translation>被预测为</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Top confusions</source>
        <translation>最常见混淆</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>Cannot list the runs: %1</source>
        <translation>无法列出训练运行：%1</translation>
    </message>
    <message>
        <source>There is no finished run named “%1” in this project.</source>
        <translation>此项目中没有名为“%1”的已完成训练运行。</translation>
    </message>
    <message>
        <source>Validation split of the run</source>
        <translation>该训练运行的验证集</translation>
    </message>
    <message>
        <source>Dataset “%1”</source>
        <translation>数据集“%1”</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>The evaluation was cancelled.</source>
        <translation>评估已取消。</translation>
    </message>
    <message>
        <source>The evaluation failed: %1</source>
        <translation>评估失败：%1</translation>
    </message>
    <message>
        <source>validation split of dataset “%1” (%2 examples)</source>
        <translation>数据集“%1”的验证集（%2 条样本）</translation>
    </message>
    <message>
        <source>dataset “%1” (%2 examples)</source>
        <translation>数据集“%1”（%2 条样本）</translation>
    </message>
    <message>
        <source>Model: run “%1”%2, trained on “%3” · Data: %4</source>
        <translation>模型：训练运行“%1”%2，训练数据“%3” · 数据：%4</translation>
    </message>
    <message>
        <source>subset accuracy %1</source>
        <translation>子集准确率 %1</translation>
    </message>
    <message>
        <source>accuracy %1</source>
        <translation>准确率 %1</translation>
    </message>
    <message>
        <source>macro F1 %1</source>
        <translation>宏平均 F1 %1</translation>
    </message>
    <message>
        <source>Open a project to evaluate its trained runs.</source>
        <translation>打开一个项目以评估其中训练好的模型。</translation>
    </message>
    <message>
        <source>This project has no trained runs yet. Train one in the Train workspace, then evaluate it here.</source>
        <translation>此项目还没有训练好的模型。请先在“训练”工作区训练一个，然后在这里评估。</translation>
    </message>
    <message>
        <source>Note: this run&apos;s final model was refit on its validation split too, so these numbers are optimistic. Evaluate on a held-out dataset for a fair estimate.</source>
        <translation>注意：此训练运行的最终模型也用验证集重新拟合过，因此这些数字偏乐观。请在留出的数据集上评估以获得公允的估计。</translation>
    </message>
    <message numerus="yes">
        <source>%n validation record(s) are no longer labelled and were left out.</source>
        <translation>
            <numerusform>%n 条验证记录已不再有标注，已略去。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) of the data are unknown to the model; their examples count as errors.</source>
        <translation>
            <numerusform>数据中有 %n 个标签模型未见过；其样本计为错误。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a run and the data to score, then press Evaluate.</source>
        <translation>选择一个训练运行和要评估的数据，然后点击“评估”。</translation>
    </message>
    <message>
        <source>Evaluating run “%1”…</source>
        <translation>正在评估训练运行“%1”…</translation>
    </message>
    <message>
        <source>Subset accuracy: %1</source>
        <translation>子集准确率：%1</translation>
    </message>
    <message>
        <source>Accuracy: %1</source>
        <translation>准确率：%1</translation>
    </message>
    <message>
        <source>Macro F1: %1</source>
        <translation>宏平均 F1：%1</translation>
    </message>
    <message>
        <source>Weighted F1: %1</source>
        <translation>加权 F1：%1</translation>
    </message>
    <message>
        <source>Expected calibration error: %1</source>
        <translation>期望校准误差：%1</translation>
    </message>
    <message>
        <source>Click a column header to sort.</source>
        <translation>点击列标题排序。</translation>
    </message>
    <message>
        <source>Cannot read the current label: %1</source>
        <translation>无法读取当前标签：%1</translation>
    </message>
    <message>
        <source>This dataset has no label set to store the new label in.</source>
        <translation>此数据集没有可保存新标签的标签集。</translation>
    </message>
    <message>
        <source>Relabelled as “%1” (undo with Undo here or in the Label workspace). Evaluate or retrain to see the effect.</source>
        <translation>已重新标注为“%1”（可在此处或标注工作区撤销）。重新评估或重新训练即可看到效果。</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <source>F1 and threshold per label</source>
        <translation>各标签的 F1 与阈值</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Reliability diagram</source>
        <translation>可靠性图</translation>
    </message>
    <message>
        <source>Confidence histogram</source>
        <translation>置信度直方图</translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation>还没有可导出的内容。</translation>
    </message>
    <message>
        <source>Export Evaluation</source>
        <translation>导出评估</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>HTML files (*.html *.htm)</source>
        <translation>HTML 文件 (*.html *.htm)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Undo: %1 (%2)</source>
        <translation>撤销：%1（%2）</translation>
    </message>
    <message>
        <source>The last change on the label undo stack was made in the Label workspace (%1): undo it there first.</source>
        <translation>标注撤销栈中最近的更改是在标注工作区做的（%1）：请先在那里撤销。</translation>
    </message>
    <message>
        <source>Takes back the last relabel made here.</source>
        <translation>撤回在此处做的最近一次重新标注。</translation>
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
    <name>bankbench::ui::KnowledgeEditor</name>
    <message>
        <source>playground</source>
        <translation>对话演练</translation>
    </message>
    <message>
        <source>Add FAQ entry</source>
        <translation>添加问答条目</translation>
    </message>
    <message>
        <source>Edit FAQ entry</source>
        <translation>编辑问答条目</translation>
    </message>
    <message>
        <source>Delete FAQ entry</source>
        <translation>删除问答条目</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s)</source>
        <translation>
            <numerusform>%n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter questions and answers</source>
        <translation>筛选问题和答案</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>答案：</translation>
    </message>
    <message>
        <source>Add as New Entry</source>
        <translation>添加为新条目</translation>
    </message>
    <message>
        <source>Update Selected</source>
        <translation>更新所选</translation>
    </message>
    <message>
        <source>Delete Selected</source>
        <translation>删除所选</translation>
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
        <source>Save Knowledge Base</source>
        <translation>保存知识库</translation>
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
    <message>
        <source>Relabel record</source>
        <translation>重新标注记录</translation>
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
    <name>bankbench::ui::PlaygroundWorkspace</name>
    <message>
        <source>Playground</source>
        <translation>对话演练</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>No bot yet: create one from a trained run</source>
        <translation>还没有机器人：请用已训练的运行创建一个</translation>
    </message>
    <message>
        <source>No bot loaded</source>
        <translation>未加载机器人</translation>
    </message>
    <message numerus="yes">
        <source>Bot %1, version %2, run %3 · %n turn(s) in this conversation</source>
        <translation>
            <numerusform>机器人 %1，版本 %2，训练运行 %3 · 本次对话 %n 轮</numerusform>
        </translation>
    </message>
    <message>
        <source>Bot: </source>
        <translation>机器人：</translation>
    </message>
    <message>
        <source> Version: </source>
        <translation> 版本：</translation>
    </message>
    <message>
        <source>New Bot…</source>
        <translation>新建机器人…</translation>
    </message>
    <message>
        <source>Make a bot from a trained run</source>
        <translation>用已训练的运行创建机器人</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Start a new conversation: the bot forgets everything said so far</source>
        <translation>开始新对话：机器人会忘记此前的全部内容</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the transcript as text or JSON</source>
        <translation>将对话记录保存为文本或 JSON</translation>
    </message>
    <message>
        <source>Send to Labeling</source>
        <translation>送去标注</translation>
    </message>
    <message>
        <source>Add this bot&apos;s low-confidence, not understood and thumbs-down turns to the label workspace</source>
        <translation>将此机器人低置信度、未理解和被点踩的对话轮次加入标注工作区</translation>
    </message>
    <message>
        <source>Why Panel</source>
        <translation>决策依据</translation>
    </message>
    <message>
        <source>Show how the bot decided (hide it for customer-facing demos)</source>
        <translation>显示机器人的决策依据（面向客户演示时可隐藏）</translation>
    </message>
    <message>
        <source>Presenter Mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>Large fonts and a clean full-screen window (F11 or Ctrl+Shift+P; Esc leaves)</source>
        <translation>大字体、简洁的全屏窗口（F11 或 Ctrl+Shift+P；Esc 退出）</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Knowledge Base</source>
        <translation>知识库</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>No new turns to send: nothing low-confidence, not understood or thumbs-down.</source>
        <translation>没有需要发送的新轮次：没有低置信度、未理解或被点踩的轮次。</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n turn(s) to labeling in dataset &quot;%1&quot;.</source>
        <translation>
            <numerusform>已将 %n 轮对话送往数据集“%1”进行标注。</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>This project has no bot and no finished run yet: train a model in the Train workspace, then create a bot here.</source>
        <translation>此项目还没有机器人，也没有已完成的训练运行：请先在训练工作区训练模型，再在这里创建机器人。</translation>
    </message>
    <message>
        <source>This project has no bot yet: click &quot;New Bot…&quot; to make one from a trained run.</source>
        <translation>此项目还没有机器人：点击“新建机器人…”，用已训练的运行创建一个。</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Creating bot &quot;%1&quot;: loading the run&apos;s model and tuning its confidence threshold…</source>
        <translation>正在创建机器人“%1”：加载训练运行的模型并调整置信度阈值…</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export Transcript</source>
        <translation>导出对话记录</translation>
    </message>
    <message>
        <source>Text (*.txt);;JSON (*.json)</source>
        <translation>文本（*.txt）;;JSON（*.json）</translation>
    </message>
    <message>
        <source>Transcript saved to %1</source>
        <translation>对话记录已保存到 %1</translation>
    </message>
    <message>
        <source>Sent the turn to labeling in dataset &quot;%1&quot;.</source>
        <translation>已将这一轮对话送往数据集“%1”进行标注。</translation>
    </message>
    <message>
        <source>This turn is already in labeling.</source>
        <translation>这一轮对话已在标注中。</translation>
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
    <name>bankbench::ui::ReportTableModel</name>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Macro average</source>
        <translation>宏平均</translation>
    </message>
    <message>
        <source>Weighted average</source>
        <translation>加权平均</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::ResponseEditor</name>
    <message>
        <source>Slot &quot;%1&quot; needs a follow-up question (Chinese or English).</source>
        <translation>槽位“%1”需要一个追问（中文或英文）。</translation>
    </message>
    <message>
        <source>Write at least one answer (Chinese or English) for &quot;%1&quot;.</source>
        <translation>请为“%1”至少写一条回答（中文或英文）。</translation>
    </message>
    <message>
        <source>Edit responses of %1</source>
        <translation>编辑 %1 的回复</translation>
    </message>
    <message>
        <source>Chinese answers (one variant per line; placeholders such as {amount}, {date}, {card_last4}):</source>
        <translation>中文回答（每行一种说法；可用占位符如 {amount}、{date}、{card_last4}）：</translation>
    </message>
    <message>
        <source>English answers (one variant per line):</source>
        <translation>英文回答（每行一种说法）：</translation>
    </message>
    <message>
        <source>Required slots, asked for in this order when missing:</source>
        <translation>必填槽位（缺失时按此顺序追问）：</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>槽位</translation>
    </message>
    <message>
        <source>Question (Chinese)</source>
        <translation>追问（中文）</translation>
    </message>
    <message>
        <source>Question (English)</source>
        <translation>追问（英文）</translation>
    </message>
    <message>
        <source>Add Slot</source>
        <translation>添加槽位</translation>
    </message>
    <message>
        <source>Remove Slot</source>
        <translation>移除槽位</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
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
        <source>Note for the new version (optional)</source>
        <translation>新版本说明（可选）</translation>
    </message>
    <message>
        <source>Save as New Version</source>
        <translation>另存为新版本</translation>
    </message>
    <message>
        <source>Intents in bold have answers; the others reply with the intent they understood.</source>
        <translation>加粗的意图已有回答；其他意图会回复所理解的意图。</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::RunCompareChart</name>
    <message>
        <source>Validation macro-F1</source>
        <translation>验证集宏平均 F1</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>验证集准确率</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>验证集损失</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Compare selected runs by:</source>
        <translation>比较所选运行的指标：</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::RunHistoryModel</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled (resumable)</source>
        <translation>已取消（可继续）</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>The project&apos;s active model: labeling suggestions come from it.</source>
        <translation>项目的当前模型：标注建议来自它。</translation>
    </message>
    <message>
        <source>%1 ★</source>
        <translation>%1 ★</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n label(s)</source>
        <translation>
            <numerusform>%1 · %n 个标签</numerusform>
        </translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Best macro-F1</source>
        <translation>最佳宏平均 F1</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::RunHistoryPanel</name>
    <message>
        <source>Select several runs (Ctrl or Shift + click) to overlay their curves.</source>
        <translation>选择多个运行（按住 Ctrl 或 Shift 点击）即可叠加比较它们的曲线。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>Continue a cancelled run from its last checkpoint.</source>
        <translation>从最近的检查点继续一个已取消的运行。</translation>
    </message>
    <message>
        <source>Retrain</source>
        <translation>重新训练</translation>
    </message>
    <message>
        <source>Start a new run with the same settings on the current labels.</source>
        <translation>用相同设置在当前标签上开始一个新运行。</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Rename the run and its model folder.</source>
        <translation>重命名该运行及其模型文件夹。</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the run and its model folder.</source>
        <translation>删除该运行及其模型文件夹。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Copy the model folder and a report (settings, per-epoch metrics) to a folder.</source>
        <translation>把模型文件夹和一份报告（设置、每轮指标）复制到一个文件夹。</translation>
    </message>
    <message>
        <source>Make Active Model</source>
        <translation>设为当前模型</translation>
    </message>
    <message>
        <source>Labeling suggestions (and the chatbot) use the project&apos;s active model.</source>
        <translation>标注建议（以及聊天机器人）使用项目的当前模型。</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::RunRepository</name>
    <message>
        <source>Run “%1” renamed to “%2”.</source>
        <translation>运行“%1”已重命名为“%2”。</translation>
    </message>
    <message>
        <source>Run “%1” is still running; cancel it before deleting it.</source>
        <translation>运行“%1”仍在进行；请先取消再删除。</translation>
    </message>
    <message>
        <source>Run “%1” deleted, but its model folder could not be removed: %2</source>
        <translation>运行“%1”已删除，但其模型文件夹无法移除：%2</translation>
    </message>
    <message>
        <source>Run “%1” deleted.</source>
        <translation>运行“%1”已删除。</translation>
    </message>
    <message>
        <source>%1 already exists; choose another folder.</source>
        <translation>%1 已存在；请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Cannot export run “%1” to %2: %3</source>
        <translation>无法将运行“%1”导出到 %2：%3</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Run “%1” exported to %2.</source>
        <translation>运行“%1”已导出到 %2。</translation>
    </message>
    <message>
        <source>“%1” is now the project&apos;s active model.</source>
        <translation>“%1”现在是项目的当前模型。</translation>
    </message>
    <message>
        <source>The project has no active model now.</source>
        <translation>项目现在没有当前模型。</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::TrainChartPanel</name>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Validation per epoch</source>
        <translation>每轮验证结果</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Smoothed</source>
        <translation>平滑后</translation>
    </message>
    <message>
        <source>Final pass on all examples</source>
        <translation>全部样本上的最终训练</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>验证集损失</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>验证集准确率</translation>
    </message>
    <message>
        <source>Validation macro-F1</source>
        <translation>验证集宏平均 F1</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Training loss (recent steps)</source>
        <translation>训练损失（最近若干步）</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::TrainLivePanel</name>
    <message>
        <source>No run yet: choose the data and a model, then Start Training.</source>
        <translation>还没有运行：选择数据和模型，然后点击“开始训练”。</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::TrainSettingsForm</name>
    <message>
        <source>Schedule</source>
        <translation>训练计划</translation>
    </message>
    <message>
        <source>Optimizer and regularisation</source>
        <translation>优化器与正则化</translation>
    </message>
    <message>
        <source>Validation, checkpoints and hardware</source>
        <translation>验证、检查点与硬件</translation>
    </message>
    <message>
        <source>Fast model</source>
        <translation>快速模型</translation>
    </message>
    <message>
        <source>Passes over the training examples (at most: early stopping may end sooner).</source>
        <translation>遍历训练样本的轮数（上限：提前停止可能更早结束）。</translation>
    </message>
    <message>
        <source>Examples per optimizer step.</source>
        <translation>每个优化步使用的样本数。</translation>
    </message>
    <message>
        <source>Peak learning rate, reached after the warm-up.</source>
        <translation>峰值学习率，预热结束后达到。</translation>
    </message>
    <message>
        <source>Share of all steps spent raising the learning rate from 0.</source>
        <translation>从 0 开始提升学习率所占的步数比例。</translation>
    </message>
    <message>
        <source>Linear decay to 0</source>
        <translation>线性衰减到 0</translation>
    </message>
    <message>
        <source>After the warm-up, lower the learning rate linearly to 0 at the last step.</source>
        <translation>预热结束后，学习率线性下降，到最后一步为 0。</translation>
    </message>
    <message>
        <source>Seeds the split, the batch order and the initial weights: the same seed repeats a run exactly.</source>
        <translation>决定数据划分、批次顺序和初始权重：相同的种子可完全复现一次运行。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Warm-up fraction</source>
        <translation>预热比例</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Adam&apos;s decay rate of the gradient average.</source>
        <translation>Adam 梯度均值的衰减率。</translation>
    </message>
    <message>
        <source>Adam&apos;s decay rate of the squared-gradient average.</source>
        <translation>Adam 梯度平方均值的衰减率。</translation>
    </message>
    <message>
        <source>Adam&apos;s small constant that keeps steps finite.</source>
        <translation>Adam 中保证步长有限的小常数。</translation>
    </message>
    <message>
        <source>Decoupled weight decay (AdamW) on dense parameters.</source>
        <translation>对稠密参数施加的解耦权重衰减（AdamW）。</translation>
    </message>
    <message>
        <source>Share of the sentence representation zeroed at random while training.</source>
        <translation>训练时随机置零的句子表示比例。</translation>
    </message>
    <message>
        <source>Moves a little probability from the true label to the others (single-label only).</source>
        <translation>把一小部分概率从真实标签分给其他标签（仅单标签）。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>均衡</translation>
    </message>
    <message>
        <source>Balanced weighs each label&apos;s loss by n / (labels × its count), so rare labels count as much as common ones.</source>
        <translation>“均衡”按 n / (标签数 × 该标签样本数) 为每个标签的损失加权，使稀有标签与常见标签同等重要。</translation>
    </message>
    <message>
        <source>Adam β1</source>
        <translation>Adam β1</translation>
    </message>
    <message>
        <source>Adam β2</source>
        <translation>Adam β2</translation>
    </message>
    <message>
        <source>Adam ε</source>
        <translation>Adam ε</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Label smoothing</source>
        <translation>标签平滑</translation>
    </message>
    <message>
        <source>Class weights</source>
        <translation>类别权重</translation>
    </message>
    <message>
        <source>Clip the gradients&apos; overall norm to this value (0: off); steadies transformer training.</source>
        <translation>将梯度总范数裁剪到此值（0 为关闭）；可让 Transformer 训练更稳定。</translation>
    </message>
    <message>
        <source>Batch similar lengths together</source>
        <translation>按长度相近组批</translation>
    </message>
    <message>
        <source>Less padding per batch (faster), still in a seeded random order.</source>
        <translation>每批填充更少（更快），顺序仍由随机种子决定。</translation>
    </message>
    <message>
        <source>bfloat16 on GPU</source>
        <translation>GPU 上使用 bfloat16</translation>
    </message>
    <message>
        <source>On a CUDA GPU, compute forward passes in bfloat16 (faster, less memory); weights stay float32.</source>
        <translation>在 CUDA GPU 上以 bfloat16 计算前向传播（更快、更省显存）；权重仍为 float32。</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Share of each label&apos;s examples held out to choose the best epoch.</source>
        <translation>每个标签留出用于选择最佳轮次的样本比例。</translation>
    </message>
    <message>
        <source>Stop after this many epochs without a better validation macro-F1 (0: never stop early).</source>
        <translation>验证集宏平均 F1 连续这么多轮没有提升就停止（0 为从不提前停止）。</translation>
    </message>
    <message>
        <source>Refit on all examples</source>
        <translation>在全部样本上重新训练</translation>
    </message>
    <message>
        <source>After choosing the best epoch count, train a fresh model on training and validation examples together and keep it.</source>
        <translation>选出最佳轮数后，在训练集和验证集合并的样本上训练一个新模型并保留它。</translation>
    </message>
    <message>
        <source>Write a resumable checkpoint every this many steps (0: by time only).</source>
        <translation>每隔这么多步写一个可继续的检查点（0 为仅按时间）。</translation>
    </message>
    <message>
        <source>Also write a checkpoint after this many minutes of training (0: off). Cancelling always writes one.</source>
        <translation>训练每满这么多分钟也写一个检查点（0 为关闭）。取消时总会写一个。</translation>
    </message>
    <message>
        <source>Multi-label: the decision threshold for labels the validation split cannot tune.</source>
        <translation>多标签：验证集无法调优的标签所用的判定阈值。</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU（CUDA）</translation>
    </message>
    <message>
        <source>Automatic uses the GPU when this build of LibTorch has CUDA and one is present.</source>
        <translation>当此版本的 LibTorch 支持 CUDA 且存在 GPU 时，“自动”会使用 GPU。</translation>
    </message>
    <message>
        <source>Validation share</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>Early-stopping patience</source>
        <translation>提前停止耐心值</translation>
    </message>
    <message>
        <source>Checkpoint every (steps)</source>
        <translation>检查点间隔（步）</translation>
    </message>
    <message>
        <source>Checkpoint every (minutes)</source>
        <translation>检查点间隔（分钟）</translation>
    </message>
    <message>
        <source>Default threshold</source>
        <translation>默认阈值</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Width of the n-gram embeddings.</source>
        <translation>n-gram 嵌入的维度。</translation>
    </message>
    <message>
        <source>The n-gram table has 2^bits rows; more rows mean fewer hash collisions and more memory.</source>
        <translation>n-gram 表有 2^位数 行；行数越多哈希冲突越少，占用内存越多。</translation>
    </message>
    <message>
        <source>Word bigrams</source>
        <translation>词二元组</translation>
    </message>
    <message>
        <source>Also use pairs of adjacent words as features.</source>
        <translation>也把相邻词对用作特征。</translation>
    </message>
    <message>
        <source>Shortest character n-gram inside a word (0: no character n-grams).</source>
        <translation>词内最短的字符 n-gram（0 为不使用字符 n-gram）。</translation>
    </message>
    <message>
        <source>Longest character n-gram inside a word.</source>
        <translation>词内最长的字符 n-gram。</translation>
    </message>
    <message>
        <source>Embedding width</source>
        <translation>嵌入维度</translation>
    </message>
    <message>
        <source>Hash table bits</source>
        <translation>哈希表位数</translation>
    </message>
    <message>
        <source>Character n-grams from</source>
        <translation>字符 n-gram 最短</translation>
    </message>
    <message>
        <source>Character n-grams to</source>
        <translation>字符 n-gram 最长</translation>
    </message>
    <message>
        <source>Transformer model</source>
        <translation>Transformer 模型</translation>
    </message>
    <message>
        <source>Encoder layers (ignored when starting from a checkpoint: its config decides).</source>
        <translation>编码器层数（从检查点开始时忽略：由其配置决定）。</translation>
    </message>
    <message>
        <source>Width of the token representations.</source>
        <translation>词元表示的维度。</translation>
    </message>
    <message>
        <source>Attention heads per layer; the width must divide by it.</source>
        <translation>每层的注意力头数；维度必须能被它整除。</translation>
    </message>
    <message>
        <source>Width of each layer&apos;s feed-forward part.</source>
        <translation>每层前馈部分的维度。</translation>
    </message>
    <message>
        <source>Tokens per text, [CLS] and [SEP] included; longer texts are cut.</source>
        <translation>每条文本的词元数（含 [CLS] 和 [SEP]）；更长的文本会被截断。</translation>
    </message>
    <message>
        <source>Size of the subword vocabulary trained on the dataset&apos;s texts.</source>
        <translation>在数据集文本上训练的子词词表大小。</translation>
    </message>
    <message>
        <source>[CLS] token (BERT pooler)</source>
        <translation>[CLS] 词元（BERT 池化层）</translation>
    </message>
    <message>
        <source>Mean of the tokens</source>
        <translation>词元平均</translation>
    </message>
    <message>
        <source>How the token representations become one sentence representation.</source>
        <translation>如何把词元表示合成一个句子表示。</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Hidden width</source>
        <translation>隐藏维度</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>注意力头数</translation>
    </message>
    <message>
        <source>Feed-forward width</source>
        <translation>前馈维度</translation>
    </message>
    <message>
        <source>Maximum tokens</source>
        <translation>最大词元数</translation>
    </message>
    <message>
        <source>Vocabulary size</source>
        <translation>词表大小</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化方式</translation>
    </message>
    <message>
        <source>CPU threads for training (0: every usable core but one, which stays with the window). Fewer threads keep the rest of the computer responsive.</source>
        <translation>训练使用的 CPU 线程数（0：除留给窗口的一个核心外，使用所有可用核心）。线程越少，电脑其他部分越流畅。</translation>
    </message>
    <message>
        <source>Augmentation: each time a training text enters a batch, drop each of its words (characters in Chinese) with this probability (0: off).</source>
        <translation>数据增强：训练文本每次进入批次时，按此概率删除其中每个词（中文为每个字）（0：关闭）。</translation>
    </message>
    <message>
        <source>Augmentation: swap two random words (characters in Chinese) this many times per word of a training text (0: off). Validation texts stay unchanged.</source>
        <translation>数据增强：按训练文本每个词的这一比例，随机交换两个词（中文为两个字）（0：关闭）。验证文本保持不变。</translation>
    </message>
    <message>
        <source>Augmentation: word deletion</source>
        <translation>数据增强：删词</translation>
    </message>
    <message>
        <source>Augmentation: word swaps</source>
        <translation>数据增强：换位</translation>
    </message>
    <message>
        <source>Augmentation: replace each word or phrase of the synonym list with another of its group with this probability (needs a list).</source>
        <translation>数据增强：按此概率把同义词表中的每个词或短语替换为同组的另一个（需要同义词表）。</translation>
    </message>
    <message>
        <source>Synonym list…</source>
        <translation>同义词表…</translation>
    </message>
    <message>
        <source>A text file with one group of interchangeable words per line, separated by commas (for example: top up, recharge).</source>
        <translation>文本文件，每行一组可互换的词，用逗号分隔（例如：充值，存入）。</translation>
    </message>
    <message>
        <source>Augmentation: synonyms</source>
        <translation>数据增强：同义词</translation>
    </message>
    <message>
        <source>Choose a Synonym List</source>
        <translation>选择同义词表</translation>
    </message>
    <message>
        <source>Text files (*.txt *.csv);;All files (*)</source>
        <translation>文本文件 (*.txt *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Synonym List</source>
        <translation>同义词表</translation>
    </message>
    <message>
        <source>The synonym list was not loaded:
%1</source>
        <translation>同义词表未载入：
%1</translation>
    </message>
    <message>
        <source>no list</source>
        <translation>无同义词表</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n 组</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bankbench::ui::TrainSetupPanel</name>
    <message>
        <source>Start Training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>automatic (e.g. fast-3)</source>
        <translation>自动（例如 fast-3）</translation>
    </message>
    <message>
        <source>Name of the new run; it also names the model folder next to the project.</source>
        <translation>新运行的名称；也用作项目旁边模型文件夹的名称。</translation>
    </message>
    <message>
        <source>Stops within one batch and writes a checkpoint: the run can be resumed later.</source>
        <translation>在一个批次内停止并写入检查点：之后可以继续该运行。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Label set</source>
        <translation>标签集</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>folder with config.json, model.safetensors, vocab.txt</source>
        <translation>包含 config.json、model.safetensors、vocab.txt 的文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Passes of masked-language-model pretraining over the dataset&apos;s texts.</source>
        <translation>在数据集文本上进行掩码语言模型预训练的轮数。</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>Pretraining epochs</source>
        <translation>预训练轮数</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>运行名称</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>高级设置</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>开始之前</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估算</translation>
    </message>
    <message>
        <source>Checking the labelled records…</source>
        <translation>正在检查已标注记录…</translation>
    </message>
    <message>
        <source>Choose a dataset with labelled records.</source>
        <translation>请选择一个含已标注记录的数据集。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>multi-label</source>
        <translation>多标签</translation>
    </message>
    <message>
        <source>single-label</source>
        <translation>单标签</translation>
    </message>
    <message>
        <source>Cannot train: %1</source>
        <translation>无法训练：%1</translation>
    </message>
    <message>
        <source>%1 labelled records in %2 labels (smallest label: %3).</source>
        <translation>%1 条已标注记录，共 %2 个标签（最少的标签：%3 条）。</translation>
    </message>
    <message>
        <source>Choose a BERT Checkpoint Folder</source>
        <translation>选择 BERT 检查点文件夹</translation>
    </message>
    <message>
        <source>Choose the checkpoint folder to start from.</source>
        <translation>请选择作为起点的检查点文件夹。</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::TrainWorker</name>
    <message>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <source>Training failed with an unknown error.</source>
        <translation>训练因未知错误失败。</translation>
    </message>
    <message>
        <source>Training cancelled before the first epoch.</source>
        <translation>训练在第一轮完成前已取消。</translation>
    </message>
    <message numerus="yes">
        <source>Training of “%1” cancelled after %n epoch(s); resume it from the run history.</source>
        <translation>
            <numerusform>“%1”的训练在 %n 轮后取消；可在运行历史中继续。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bankbench::ui::TrainWorkspace</name>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>Open or create a project, import labelled data, then train a model here.</source>
        <translation>打开或新建项目，导入已标注数据，然后在这里训练模型。</translation>
    </message>
    <message>
        <source>Current Run</source>
        <translation>当前运行</translation>
    </message>
    <message>
        <source>Run History</source>
        <translation>运行历史</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Training %1 · epoch %2/%3</source>
        <translation>正在训练 %1 · 第 %2/%3 轮</translation>
    </message>
    <message>
        <source>Training %1</source>
        <translation>正在训练 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 个运行</numerusform>
        </translation>
    </message>
    <message>
        <source> · active model: %1</source>
        <translation> · 当前模型：%1</translation>
    </message>
    <message>
        <source>Inspecting the numeric runtime…</source>
        <translation>正在检查数值计算环境…</translation>
    </message>
    <message>
        <source>GPU: %1 (CUDA)</source>
        <translation>GPU：%1（CUDA）</translation>
    </message>
    <message>
        <source>CPU: %1 of %2 usable cores · BLAS: %3</source>
        <translation>CPU：使用 %2 个可用核心中的 %1 个 · BLAS：%3</translation>
    </message>
    <message>
        <source>No CUDA GPU in this build or machine: the run would fail. Choose Automatic or CPU.</source>
        <translation>此版本或本机没有 CUDA GPU：运行会失败。请选择“自动”或“CPU”。</translation>
    </message>
    <message>
        <source> (reference BLAS: install OpenBLAS for ~10× faster training)</source>
        <translation>（参考 BLAS：安装 OpenBLAS 可使训练快约 10 倍）</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>time up to %1 (%2 examples at %3 examples/s measured on this machine)</source>
        <translation>时间最多 %1（%2 个样本，按本机实测每秒 %3 个样本）</translation>
    </message>
    <message>
        <source>time: not measured yet for this model on this machine (the first run measures it; %1 examples to process)</source>
        <translation>时间：本机尚未测量此模型的速度（首次运行会测量；需处理 %1 个样本）</translation>
    </message>
    <message>
        <source>memory about %1 for %2 parameters (weights, optimizer state, best-epoch copy); a checkpoint takes about %3 on disk</source>
        <translation>内存约 %1，共 %2 个参数（权重、优化器状态、最佳轮次副本）；一个检查点约占磁盘 %3</translation>
    </message>
    <message>
        <source>pretraining comes on top</source>
        <translation>预训练时间另计</translation>
    </message>
    <message>
        <source>Estimate: %1.</source>
        <translation>估算：%1。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Cannot train: %1</source>
        <translation>无法训练：%1</translation>
    </message>
    <message>
        <source>Cannot train yet: the data check has not finished.</source>
        <translation>暂时无法训练：数据检查尚未完成。</translation>
    </message>
    <message>
        <source>Training on “%1”</source>
        <translation>在“%1”上训练</translation>
    </message>
    <message>
        <source>Resuming “%1”</source>
        <translation>继续“%1”</translation>
    </message>
    <message>
        <source>Retraining “%1” on the current labels of “%2”</source>
        <translation>在“%2”的当前标签上重新训练“%1”</translation>
    </message>
    <message>
        <source>%1 — run %2</source>
        <translation>%1 — 运行 %2</translation>
    </message>
    <message>
        <source>Epoch %1: training loss %2 · validation loss %3 · accuracy %4 · macro-F1 %5</source>
        <translation>第 %1 轮：训练损失 %2 · 验证损失 %3 · 准确率 %4 · 宏平均 F1 %5</translation>
    </message>
    <message>
        <source>Cancelling: the trainer stops after the current batch and writes a checkpoint…</source>
        <translation>正在取消：训练器会在当前批次后停止并写入检查点…</translation>
    </message>
    <message>
        <source>The active model “%1” cannot be loaded: %2</source>
        <translation>无法加载当前模型“%1”：%2</translation>
    </message>
    <message>
        <source>Labeling suggestions now come from “%1”.</source>
        <translation>标注建议现在来自“%1”。</translation>
    </message>
    <message>
        <source>Rename Run</source>
        <translation>重命名运行</translation>
    </message>
    <message>
        <source>New name for run “%1” (its model folder is renamed too):</source>
        <translation>运行“%1”的新名称（其模型文件夹也会一并重命名）：</translation>
    </message>
    <message>
        <source>Delete Run</source>
        <translation>删除运行</translation>
    </message>
    <message>
        <source>Delete run “%1” and its model folder? This cannot be undone.</source>
        <translation>删除运行“%1”及其模型文件夹？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Export Run “%1” Into</source>
        <translation>将运行“%1”导出到</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::TrainingJob</name>
    <message>
        <source>Resuming %1</source>
        <translation>正在继续 %1</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>Training %1</source>
        <translation>正在训练 %1</translation>
    </message>
    <message>
        <source>Run “%1” finished: best validation macro-F1 %2 (epoch %3).</source>
        <translation>运行“%1”已完成：最佳验证集宏平均 F1 为 %2（第 %3 轮）。</translation>
    </message>
    <message>
        <source>Preparing: %1</source>
        <translation>准备中：%1</translation>
    </message>
    <message>
        <source>Final pass on all examples: epoch %1/%2</source>
        <translation>全部样本上的最终训练：第 %1/%2 轮</translation>
    </message>
    <message>
        <source>Epoch %1/%2</source>
        <translation>第 %1/%2 轮</translation>
    </message>
    <message>
        <source> · %1 examples/s</source>
        <translation> · 每秒 %1 个样本</translation>
    </message>
    <message>
        <source> · %1 left</source>
        <translation> · 剩余 %1</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::Transcript</name>
    <message>
        <source>Conversation with %1 (session %2)</source>
        <translation>与 %1 的对话（会话 %2）</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>您：%1</translation>
    </message>
    <message>
        <source>Bot: %1</source>
        <translation>机器人：%1</translation>
    </message>
</context>
<context>
    <name>bankbench::ui::WhyPanel</name>
    <message>
        <source>Answered from the intent&apos;s response</source>
        <translation>按意图的回复模板作答</translation>
    </message>
    <message>
        <source>Asked for a missing detail</source>
        <translation>追问缺失的信息</translation>
    </message>
    <message>
        <source>Not sure: offered two interpretations</source>
        <translation>不确定：提供了两种理解供选择</translation>
    </message>
    <message>
        <source>Answered from the knowledge base</source>
        <translation>从知识库作答</translation>
    </message>
    <message>
        <source>Handed over to a human agent</source>
        <translation>已转接人工客服</translation>
    </message>
    <message>
        <source>Send a message to see how the bot decides.</source>
        <translation>发送一条消息，查看机器人如何决策。</translation>
    </message>
    <message>
        <source> (continuing the previous question)</source>
        <translation>（延续上一个问题）</translation>
    </message>
    <message>
        <source> (chosen with a quick reply)</source>
        <translation>（通过快捷回复选择）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Intent: %2%3, confidence %4%</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;意图：%2%3，置信度 %4%</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Threshold %1 · required lead over the second intent %2</source>
        <translation>阈值 %1 · 需领先第二意图 %2</translation>
    </message>
    <message>
        <source>%1

Answer: %2
Source: %3</source>
        <translation>%1

答案：%2
来源：%3</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Response: %1 · %2 ms</source>
        <translation>回复：%1 · %2 毫秒</translation>
    </message>
    <message>
        <source>Why this answer</source>
        <translation>为什么这样回答</translation>
    </message>
    <message>
        <source>Top intents</source>
        <translation>最可能的意图</translation>
    </message>
    <message>
        <source>Knowledge base entries considered</source>
        <translation>参考的知识库条目</translation>
    </message>
    <message>
        <source>Slots remembered</source>
        <translation>已记住的槽位</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>BM25</source>
        <translation>BM25</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>向量相似度</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>槽位</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Closeness to the intent&apos;s training examples %1 (needs %2)</source>
        <translation>与该意图训练样例的接近度 %1（需达到 %2）</translation>
    </message>
    <message>
        <source>The model chose &quot;%1&quot;, the bot&apos;s none-of-these intent: not answered as an intent</source>
        <translation>模型选择了“%1”，即本机器人的“以上皆非”意图：不作为意图回答</translation>
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
